import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/unlimited-body-size';

describe('nginx/unlimited-body-size', () => {
  it('reports client_max_body_size 0 at the value (0, 0m, 0k)', () => {
    assertRanges(lintText('app.conf', 'server {\n  client_max_body_size 0;\n  location /up { client_max_body_size 0M; }\n}\n', RULE), RULE, ['2:24-2:25', '3:39-3:41']);
  });

  it('accepts a real limit', () => {
    assert.deepEqual(lintText('app.conf', 'server {\n  client_max_body_size 100M;\n  client_max_body_size 10m;\n}\n', RULE), []);
  });

  it('fixes: sets 100M (the AFFiNE guide value)', () => {
    const fixed = checkFix({ 'app.conf': 'http {\n  client_max_body_size 0;\n}\n' }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], 'http {\n  client_max_body_size 100M;\n}\n');
  });
});
