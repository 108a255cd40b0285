import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/weak-tls-protocol';
const tls = (body: string) => `server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/a.pem;\n    ssl_certificate_key /etc/ssl/a.key;\n${body}}\n`;

describe('nginx/weak-tls-protocol', () => {
  it('reports ssl_protocols with TLSv1/TLSv1.1/SSLv3, over its arguments', () => {
    const found = lintText('app.conf', tls('    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n'), RULE);
    assertRanges(found, RULE, ['5:19-5:40']);
    assert.match(found[0].message, /TLSv1, TLSv1\.1/);
    assertRanges(lintText('nginx.conf', 'http {\n  ssl_protocols SSLv3 TLSv1.2;\n}\n', RULE), RULE, ['2:17-2:30']);
  });

  it('accepts Mozilla intermediate and modern', () => {
    assert.deepEqual(lintText('app.conf', tls('    ssl_protocols TLSv1.2 TLSv1.3;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', tls('    ssl_protocols TLSv1.3;\n'), RULE), []);
  });

  it('before nginx 1.23.4, a TLS server without ssl_protocols gets the old default (TLSv1, TLSv1.1)', () => {
    const text = tls('');
    assertRanges(lintText('app.conf', text, RULE, { nginx: { version: '1.22.1' } }), RULE, ['1:1-1:7']);
    assert.deepEqual(lintText('app.conf', text, RULE, { nginx: { version: '1.23.4' } }), []);
    // Set at the http level (here: the top of the fragment) counts for the server.
    assert.deepEqual(lintText('app.conf', `ssl_protocols TLSv1.2 TLSv1.3;\n${text}`, RULE, { nginx: { version: '1.22.1' } }), []);
  });

  it("does not guess when an unreadable TLS include (certbot's options-ssl-nginx.conf) may set the protocols", () => {
    const text = tls('    include /etc/letsencrypt/options-ssl-nginx.conf;\n');
    assert.deepEqual(lintText('app.conf', text, RULE, { nginx: { version: '1.22.1' } }), []);
  });

  it('fixes: the protocol list becomes TLSv1.2 TLSv1.3', () => {
    const fixed = checkFix({ 'app.conf': tls('    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n') }, 'app.conf', RULE, { reparse });
    assert.match(fixed['app.conf'], /^    ssl_protocols TLSv1\.2 TLSv1\.3;$/m);
  });

  it('fixes: adds ssl_protocols next to the ssl_* lines on nginx < 1.23.4', () => {
    const config = { nginx: { version: '1.22' } };
    const fixed = checkFix({ 'app.conf': tls('') }, 'app.conf', RULE, { reparse, config });
    assert.equal(fixed['app.conf'], tls('    ssl_protocols TLSv1.2 TLSv1.3;\n'));
  });
});
