import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses, conf } from '../../nginx/helpers';

const RULE = 'nginx/no-https';

const plain = conf(
  'server {',
  '    listen 80;',
  '    listen [::]:80;',
  '    server_name app.example.com;',
  '    location /.well-known/acme-challenge/ { root /var/www/certbot; }',
  '    location / {',
  '        proxy_pass http://app:3000;',
  '    }',
  '}',
);

describe('nginx/no-https', () => {
  it('reports a plain server serving content at its listen', () => {
    const found = lint({ 'nginx/app.conf': plain }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:5-2:15']);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /app\.example\.com/);
  });

  it('a file named as the plain-HTTP variant (http-only, nossl) is plain on purpose: info, saying so, with no fix', () => {
    for (const name of ['nginx/site.http-only.conf', 'nginx/nossl-app.conf']) {
      const found = lint({ [name]: plain }, name, RULE);
      assertRanges(found, RULE, ['2:5-2:15']);
      assert.equal(found[0].severity, 'info');
      assert.match(found[0].message, /marks it the plain-HTTP variant/);
      assert.deepEqual(found[0].fixes, []);
    }
    assert.equal(lint({ 'nginx/http-app.conf': plain }, 'nginx/http-app.conf', RULE)[0].severity, 'error');
  });

  it('reports a server without listen (it listens on *:80) at the server keyword', () => {
    assertRanges(lint({ 'nginx/app.conf': 'server {\n  root /srv/www;\n}\n' }, 'nginx/app.conf', RULE), RULE, ['1:1-1:7']);
  });

  it('does not report when a TLS server exists in the same file or in a sibling file', () => {
    const tls = conf('server {', '    listen 443 ssl;', '    ssl_certificate /c.pem;', '    ssl_certificate_key /k.pem;', '    location / { proxy_pass http://app:3000; }', '}');
    assert.deepEqual(lint({ 'nginx/app.conf': plain + tls }, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lint({ 'nginx/app.conf': plain, 'nginx/app-tls.conf': tls }, 'nginx/app.conf', RULE), []);
  });

  it('a TLS catch-all that rejects every handshake or returns 444 is no HTTPS site: the plain server is still reported', () => {
    for (const tls of ['listen 443 ssl default_server; ssl_reject_handshake on;', 'listen 443 ssl default_server; ssl_certificate /c.pem; return 444;']) {
      assertRanges(lint({ 'nginx/app.conf': plain + `server { ${tls} }\n` }, 'nginx/app.conf', RULE), RULE, ['2:5-2:15']);
    }
  });

  it('a port-80 server kept only for the ACME challenge serves nothing of its own; with a root it does', () => {
    const acme = 'server {\n    listen 80;\n    server_name app.example.com;\n    location /.well-known/acme-challenge/ { root /var/www/certbot; }\n}\n';
    assert.deepEqual(lint({ 'nginx/app.conf': acme }, 'nginx/app.conf', RULE), []);
    assertRanges(lint({ 'nginx/app.conf': acme.replace('    location', '    root /srv/www;\n    location') }, 'nginx/app.conf', RULE), RULE, ['2:5-2:15']);
  });

  it('servers we cannot see may serve HTTPS: an http level that includes a folder of sites not in the workspace', () => {
    const main = (extra: string) => `events {}\nhttp {\n    include conf.d/*.conf;\n${extra}}\n`;
    const files = (extra: string) => ({ 'nginx/nginx.conf': main(extra), 'nginx/conf.d/app.conf': plain });
    assert.deepEqual(lint(files('    include /data/nginx/proxy_host/*.conf;\n'), 'nginx/conf.d/app.conf', RULE), []);
    assertRanges(lint(files(''), 'nginx/conf.d/app.conf', RULE), RULE, ['2:5-2:15']);
  });

  it('counts listen 443 with a certificate, ssl on; and quic as TLS', () => {
    for (const tls of ['listen 443; ssl_certificate /c.pem;', 'listen 443; ssl on;', 'listen 443 quic reuseport;']) {
      assert.deepEqual(lint({ 'nginx/app.conf': plain + `server { ${tls} root /srv; }\n` }, 'nginx/app.conf', RULE), [], tls);
    }
  });

  it('does not report redirect-only, 444, loopback or localhost servers', () => {
    const files = {
      'nginx/a.conf': 'server { listen 80; return 301 https://$host$request_uri; }\n',
      'nginx/b.conf': 'server { listen 80 default_server; server_name _; return 444; }\n',
      'nginx/c.conf': 'server { listen 127.0.0.1:8080; location / { stub_status; } }\n',
      'nginx/d.conf': 'server { listen 80; server_name localhost; root /srv; }\n',
      'nginx/e.conf': 'server { listen 80; location / { return 308 https://example.com$request_uri; } }\n',
    };
    for (const f of Object.keys(files)) assert.deepEqual(lint(files, f, RULE), [], f);
  });

  it('fix: port-80 redirect server (ACME kept) + TLS server with the original server_name and locations', () => {
    const fixed = checkFix({ 'nginx/app.conf': plain }, 'nginx/app.conf', RULE, { reparse: nginxParses, config: { nginx: { version: '1.22' } } });
    const text = fixed['nginx/app.conf'];
    assert.match(text, /^server \{\n    listen 80;\n    listen \[::\]:80;\n    server_name app\.example\.com;\n    location \/\.well-known\/acme-challenge\/ \{ root \/var\/www\/certbot; \}\n    location \/ \{\n        return 301 https:\/\/\$host\$request_uri;\n    \}\n\}\n\nserver \{\n    listen 443 ssl http2;\n    listen \[::\]:443 ssl http2;\n/);
    assert.match(text, /ssl_certificate \/etc\/letsencrypt\/live\/app\.example\.com\/fullchain\.pem;/);
    assert.match(text, /ssl_protocols TLSv1\.2 TLSv1\.3;/);
    assert.match(text, /add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;/);
    assert.match(text, /proxy_pass http:\/\/app:3000;/);
    assert.equal((text.match(/listen 80;/g) ?? []).length, 1, 'the plain listens moved to the redirect server only');
    assert.equal(lint({ 'nginx/app.conf': fixed['nginx/app.conf'] }, 'nginx/app.conf').filter((f) => f.rule === 'nginx/http-not-redirected').length, 0);
  });

  it('fix uses the http2 syntax of the configured version and is not applied by Fix all', () => {
    const found = lint({ 'nginx/app.conf': plain }, 'nginx/app.conf', RULE, { nginx: { version: '1.26' } });
    const fix = found[0].fixes[0];
    assert.equal(fix.safe, false);
    assert.match(fix.edits[0].newText, /listen 443 ssl;\n    listen \[::\]:443 ssl;\n    http2 on;/);
  });

  it('fix keeps CRLF line endings', () => {
    const crlf = plain.replace(/\n/g, '\r\n');
    const fixed = checkFix({ 'nginx/app.conf': crlf }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.ok(!/[^\r]\n/.test(fixed['nginx/app.conf']), 'only CRLF breaks');
  });
});
