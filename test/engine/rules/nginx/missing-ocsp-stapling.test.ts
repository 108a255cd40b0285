import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/missing-ocsp-stapling';
const server = (cert: string, extra = '') => `server {\n  listen 443 ssl;\n  server_name shop.example.com;\n  ssl_certificate ${cert};\n${extra}  location / {\n    root /srv/www;\n  }\n}\n`;

describe('nginx/missing-ocsp-stapling', () => {
  it('reports a TLS server with a commercial CA certificate and no stapling', () => {
    assertRanges(lintText('app.conf', server('/etc/ssl/shop.pem'), RULE), RULE, ['1:1-1:7']);
    const half = lintText('app.conf', server('/etc/ssl/shop.pem', '  ssl_stapling on;\n'), RULE);
    assertRanges(half, RULE, ['1:1-1:7']);
    assert.match(half[0].message, /ssl_stapling_verify/);
  });

  it("skips Let's Encrypt certificates (OCSP ended), servers with stapling, and redirect-only servers", () => {
    assert.deepEqual(lintText('app.conf', server('/etc/letsencrypt/live/shop.example.com/fullchain.pem'), RULE), []);
    assert.deepEqual(lintText('app.conf', server('/etc/ssl/shop.pem', '  ssl_stapling on;\n  ssl_stapling_verify on;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', 'ssl_stapling on;\nssl_stapling_verify on;\n' + server('/etc/ssl/shop.pem'), RULE), []);
    assert.deepEqual(lintText('app.conf', 'server {\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/a.pem;\n  return 301 https://example.com$request_uri;\n}\n', RULE), []);
  });

  it('fixes: adds stapling, verification and a resolver next to the ssl_* lines', () => {
    const fixed = checkFix({ 'app.conf': server('/etc/ssl/shop.pem') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], server('/etc/ssl/shop.pem', '  ssl_stapling on;\n  ssl_stapling_verify on;\n  resolver 127.0.0.1;\n'));
  });

  it('fixes: adds only what is missing and keeps an existing resolver', () => {
    const fixed = checkFix({ 'app.conf': 'resolver 1.1.1.1;\n' + server('/etc/ssl/shop.pem', '  ssl_stapling on;\n') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], 'resolver 1.1.1.1;\n' + server('/etc/ssl/shop.pem', '  ssl_stapling on;\n  ssl_stapling_verify on;\n'));
  });
});
