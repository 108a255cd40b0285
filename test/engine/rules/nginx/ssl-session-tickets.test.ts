import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/ssl-session-tickets';
const OLD = { nginx: { version: '1.22.1' } };
const server = (extra = '') => `server {\n\tlisten 443 ssl;\n\tssl_certificate /etc/ssl/a.pem;\n${extra}\tlocation / {\n\t\tproxy_pass http://127.0.0.1:3000;\n\t}\n}\n`;

describe('nginx/ssl-session-tickets', () => {
  it('reports a TLS server with tickets on when nginx < 1.23.2', () => {
    assertRanges(lintText('app.conf', server(), RULE, OLD), RULE, ['1:1-1:7']);
    assertRanges(lintText('app.conf', server('\tssl_session_tickets on;\n'), RULE, OLD), RULE, ['1:1-1:7']);
  });

  it('is silent from 1.23.2 (the key is rotated), with tickets off, or for plain servers', () => {
    assert.deepEqual(lintText('app.conf', server(), RULE, { nginx: { version: '1.23.2' } }), []);
    assert.deepEqual(lintText('app.conf', server(), RULE), []);
    assert.deepEqual(lintText('app.conf', server('\tssl_session_tickets off;\n'), RULE, OLD), []);
    assert.deepEqual(lintText('app.conf', `ssl_session_tickets off;\n${server()}`, RULE, OLD), []);
    assert.deepEqual(lintText('app.conf', 'server {\n\tlisten 80;\n}\n', RULE, OLD), []);
  });

  it('fixes: adds ssl_session_tickets off; after the ssl_* lines, with tabs', () => {
    const fixed = checkFix({ 'app.conf': server() }, 'app.conf', RULE, { reparse, config: OLD });
    assert.equal(fixed['app.conf'], server('\tssl_session_tickets off;\n'));
  });
});
