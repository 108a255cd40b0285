import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/autoindex';

describe('nginx/autoindex', () => {
  it('reports autoindex on at the value', () => {
    assertRanges(lintText('app.conf', 'server {\n    location /files/ {\n        root /srv;\n        autoindex on;\n    }\n}\n', RULE), RULE, ['4:19-4:21']);
  });

  it('accepts off and the default', () => {
    assert.deepEqual(lintText('app.conf', 'server {\n    autoindex off;\n    location / { root /srv; }\n}\n', RULE), []);
  });

  it('fixes: on -> off', () => {
    const fixed = checkFix({ 'app.conf': 'server {\n    autoindex on; # listing\n}\n' }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], 'server {\n    autoindex off; # listing\n}\n');
  });
});
