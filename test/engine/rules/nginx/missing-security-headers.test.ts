import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses, conf } from '../../nginx/helpers';

const RULE = 'nginx/missing-security-headers';

const site = conf(
  'server {',
  '  listen 443 ssl;',
  '  server_name app.example.com;',
  '  add_header X-Content-Type-Options nosniff always;',
  '  location / {',
  '    proxy_pass http://app:3000;',
  '  }',
  '}',
);

const allFour = [
  'add_header X-Content-Type-Options nosniff always;',
  'add_header X-Frame-Options SAMEORIGIN always;',
  'add_header Referrer-Policy no-referrer always;',
  'add_header Permissions-Policy "camera=()" always;',
];

describe('nginx/missing-security-headers', () => {
  it('reports one finding per server naming the missing headers', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['1:1-1:7']);
    assert.equal(found[0].message, 'server "app.example.com" does not send X-Frame-Options, Referrer-Policy, Permissions-Policy.');
  });

  it('does not report a server with all four, or with CSP frame-ancestors instead of X-Frame-Options', () => {
    const full = `server {\n  listen 443 ssl;\n  ${allFour.join('\n  ')}\n  root /srv;\n}\n`;
    assert.deepEqual(lint({ 'nginx/app.conf': full }, 'nginx/app.conf', RULE), []);
    const fa = full.replace(allFour[1], `add_header Content-Security-Policy "frame-ancestors 'self'" always;`);
    assert.deepEqual(lint({ 'nginx/app.conf': fa }, 'nginx/app.conf', RULE), []);
  });

  it('headers in an included snippet count; a redirect-only server is skipped', () => {
    const files = {
      'nginx/app.conf': 'server {\n  listen 443 ssl;\n  include snippets/security-headers.conf;\n  root /srv;\n}\nserver { listen 80; return 301 https://$host$request_uri; }\n',
      'nginx/snippets/security-headers.conf': allFour.join('\n') + '\n',
    };
    assert.deepEqual(lint(files, 'nginx/app.conf', RULE), []);
  });

  it('an unresolvable header snippet (not in the workspace) is not second-guessed', () => {
    const files = { 'nginx/app.conf': 'server {\n  listen 443 ssl;\n  include /etc/nginx/snippets/security-headers.conf;\n  root /srv;\n}\n' };
    assert.deepEqual(lint(files, 'nginx/app.conf', RULE), []);
  });

  it('fix: adds the missing ones with always, after the existing headers', () => {
    const fixed = checkFix({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], site.replace('  add_header X-Content-Type-Options nosniff always;\n', [
      '  add_header X-Content-Type-Options nosniff always;',
      '  add_header X-Frame-Options DENY always;',
      '  add_header Referrer-Policy strict-origin-when-cross-origin always;',
      '  add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=(), usb=()" always;',
      '',
    ].join('\n')));
  });

  it('fix in a server without headers goes before the locations', () => {
    const bare = 'server {\n    listen 443 ssl;\n    location / { root /srv; }\n}\n';
    const fixed = checkFix({ 'nginx/app.conf': bare }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.match(fixed['nginx/app.conf'], /^server \{\n    listen 443 ssl;\n    add_header X-Content-Type-Options nosniff always;\n(    add_header .*\n){3}    location \/ \{ root \/srv; \}\n\}\n$/);
  });
});
