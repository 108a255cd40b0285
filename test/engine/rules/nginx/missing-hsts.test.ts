import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses, conf } from '../../nginx/helpers';

const RULE = 'nginx/missing-hsts';
const HSTS = 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;';

const tls = conf(
  'server {',
  '    listen 443 ssl;',
  '    server_name app.example.com;',
  '    ssl_certificate /etc/ssl/app.pem;',
  '    ssl_certificate_key /etc/ssl/app.key;',
  '    add_header X-Frame-Options DENY always;',
  '    location / {',
  '        proxy_pass http://app:3000;',
  '    }',
  '    location /static/ {',
  '        add_header Cache-Control "public, max-age=3600";',
  '        root /srv;',
  '    }',
  '}',
);

describe('nginx/missing-hsts', () => {
  it('reports a TLS server without HSTS at its server keyword', () => {
    const found = lint({ 'nginx/app.conf': tls }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['1:1-1:7']);
    assert.equal(found[0].severity, 'warning');
  });

  it('does not report HSTS set on the server, inherited from http, or in an included snippet', () => {
    assert.deepEqual(lint({ 'nginx/app.conf': tls.replace('    add_header X-Frame', `    ${HSTS}\n    add_header X-Frame`) }, 'nginx/app.conf', RULE), []);
    const http = `http {\n    ${HSTS}\n    server { listen 443 ssl; ssl_certificate /c.pem; root /srv; }\n}\n`;
    assert.deepEqual(lint({ 'nginx/nginx.conf': http }, 'nginx/nginx.conf', RULE), []);
    const withSnippet = tls.replace('    add_header X-Frame-Options DENY always;', '    include snippets/headers.conf;');
    assert.deepEqual(lint({ 'nginx/app.conf': withSnippet, 'nginx/snippets/headers.conf': HSTS + '\n' }, 'nginx/app.conf', RULE), []);
  });

  it('reads http-level headers from the nginx.conf that includes the site', () => {
    const main = `events {}\nhttp {\n    ${HSTS}\n    include conf.d/*.conf;\n}\n`;
    const site = 'server { listen 443 ssl; ssl_certificate /c.pem; root /srv; }\n';
    assert.deepEqual(lint({ 'nginx/nginx.conf': main, 'nginx/conf.d/app.conf': site }, 'nginx/conf.d/app.conf', RULE), []);
    assertRanges(lint({ 'nginx/conf.d/app.conf': site }, 'nginx/conf.d/app.conf', RULE), RULE, ['1:1-1:7']);
  });

  it('HSTS in every location that answers counts as present; one answering location without it is reported', () => {
    const everywhere = tls.replace('proxy_pass http://app:3000;', `proxy_pass http://app:3000;\n        ${HSTS}`)
      .replace('root /srv;', `root /srv;\n        ${HSTS}`);
    assert.deepEqual(lint({ 'nginx/app.conf': everywhere }, 'nginx/app.conf', RULE), []);
    // A redirect-only location answers nothing of its own: it needs none.
    const withRedirect = everywhere.replace('    location / {', '    location /old {\n        return 301 /new;\n    }\n    location / {');
    assert.deepEqual(lint({ 'nginx/app.conf': withRedirect }, 'nginx/app.conf', RULE), []);
    const oneMissing = tls.replace('proxy_pass http://app:3000;', `proxy_pass http://app:3000;\n        ${HSTS}`);
    assertRanges(lint({ 'nginx/app.conf': oneMissing }, 'nginx/app.conf', RULE), RULE, ['1:1-1:7']);
  });

  it('does not report plain servers or TLS servers that only redirect', () => {
    assert.deepEqual(lint({ 'nginx/app.conf': 'server { listen 80; root /srv; }\nserver { listen 443 ssl; ssl_certificate /c.pem; return 301 https://example.com$request_uri; }\n' }, 'nginx/app.conf', RULE), []);
  });

  it('treats add_header with an empty value as not sent', () => {
    assertRanges(lint({ 'nginx/app.conf': 'server { listen 443 ssl; add_header Strict-Transport-Security ""; root /srv; }\n' }, 'nginx/app.conf', RULE), RULE, ['1:1-1:7']);
  });

  it('fix: adds HSTS next to the server headers and in the location that has its own add_header', () => {
    const fixed = checkFix({ 'nginx/app.conf': tls }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], tls
      .replace('    add_header X-Frame-Options DENY always;', `    add_header X-Frame-Options DENY always;\n    ${HSTS}`)
      .replace('        add_header Cache-Control "public, max-age=3600";', `        add_header Cache-Control "public, max-age=3600";\n        ${HSTS}`));
    assert.equal(lint({ 'nginx/app.conf': tls }, 'nginx/app.conf', RULE)[0].fixes[0].safe, true);
  });

  it('fix on a server that inherits headers from http repeats them (no new inheritance hole)', () => {
    const http = 'http {\n    add_header X-Frame-Options DENY always;\n    server {\n        listen 443 ssl;\n        ssl_certificate /c.pem;\n        root /srv;\n    }\n}\n';
    const fixed = checkFix({ 'nginx/nginx.conf': http }, 'nginx/nginx.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/nginx.conf'], `http {\n    add_header X-Frame-Options DENY always;\n    server {\n        listen 443 ssl;\n        ssl_certificate /c.pem;\n        root /srv;\n        add_header X-Frame-Options DENY always;\n        ${HSTS}\n    }\n}\n`);
  });

  it('fix next to an include that brings headers in', () => {
    const site = 'server {\n\tlisten 443 ssl;\n\tinclude snippets/headers.conf;\n\tlocation / { root /srv; }\n}\n';
    const files = { 'nginx/app.conf': site, 'nginx/snippets/headers.conf': 'add_header X-Frame-Options DENY always;\n' };
    const fixed = checkFix(files, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], `server {\n\tlisten 443 ssl;\n\tinclude snippets/headers.conf;\n\t${HSTS}\n\tlocation / { root /srv; }\n}\n`);
  });
});
