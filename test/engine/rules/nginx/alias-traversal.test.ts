import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/alias-traversal';
const inServer = (body: string) => `server {\n    listen 80;\n${body}}\n`;

describe('nginx/alias-traversal', () => {
  it('reports a prefix location without / whose alias ends with / (gixy simple.conf), as an error', () => {
    const found = lintText('app.conf', inServer('    location /files {\n        alias /home/;\n    }\n'), RULE);
    assertRanges(found, RULE, ['3:14-3:20']);
    assert.equal(found[0].severity, 'error');
  });

  it('reports the innermost location only (gixy nested.conf / nested_fp.conf)', () => {
    assertRanges(lintText('app.conf', inServer('    location /files/ {\n        location /files/images {\n            alias /home/;\n        }\n    }\n'), RULE), RULE, ['4:18-4:31']);
    assert.deepEqual(lintText('app.conf', inServer('    location /files/ {\n        location /files/images {\n        }\n        alias /home/;\n    }\n'), RULE), []);
  });

  it('reports neither side slashed as a warning (gixy not_slashed_alias.conf, MEDIUM)', () => {
    const found = lintText('app.conf', inServer('    location ^~ /files {\n        alias /home;\n    }\n'), RULE);
    assertRanges(found, RULE, ['3:17-3:23']);
    assert.equal(found[0].severity, 'warning');
  });

  it('accepts a slashed location, regex and exact locations (gixy simple_fp.conf, not_slashed_alias_fp.conf)', () => {
    assert.deepEqual(lintText('app.conf', inServer('    location /files/ {\n        alias /home/;\n    }\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', inServer('    location /files/ {\n        alias /home;\n    }\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', inServer('    location ~ ^/files/(.*)$ {\n        alias /home/$1;\n    }\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', inServer('    location = /robots.txt {\n        alias /srv/robots.txt;\n    }\n'), RULE), []);
  });

  it('fixes: adds the trailing slash to the location', () => {
    const fixed = checkFix({ 'app.conf': inServer('    location /files {\n        alias /home/;\n    }\n') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], inServer('    location /files/ {\n        alias /home/;\n    }\n'));
  });

  it('fixes: adds it to both when neither had one (quotes kept)', () => {
    const fixed = checkFix({ 'app.conf': inServer('    location "/files" {\n        alias /home;\n    }\n') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], inServer('    location "/files/" {\n        alias /home/;\n    }\n'));
  });
});
