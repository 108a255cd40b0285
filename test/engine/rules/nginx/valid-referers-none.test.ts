import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/valid-referers-none';
const site = (referers: string, loc = '/downloads/') => `server {\n    listen 80;\n    location ${loc} {\n        valid_referers ${referers};\n        if ($invalid_referer) {\n            return 403;\n        }\n    }\n}\n`;

describe('nginx/valid-referers-none', () => {
  it('reports none/blocked at the first keyword, as a warning (Gixy-Next valid_referers)', () => {
    const text = site('none blocked server_names *.example.com');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'none')]);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /none and blocked/);
  });

  it('accepts a strict list, and a valid_referers that no $invalid_referer reads', () => {
    assert.deepEqual(lintText('app.conf', site('server_names *.example.com'), RULE), []);
    assert.deepEqual(lintText('app.conf', 'server {\n    listen 80;\n    valid_referers none;\n}\n', RULE), []);
  });

  it('is info in a location of images or media (hotlink protection)', () => {
    const found = lintText('app.conf', site('none example.com', '~* \\.(jpg|png|gif)$'), RULE);
    assert.equal(found[0].severity, 'info');
  });

  it('fixes: removes the keywords and keeps the rest', () => {
    const fixed = checkFix({ 'app.conf': site('none blocked server_names *.example.com') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site('server_names *.example.com'));
  });

  it('fixes: a list of only none/blocked becomes server_names (valid_referers needs one value)', () => {
    const fixed = checkFix({ 'app.conf': site('none blocked') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site('server_names'));
  });
});
