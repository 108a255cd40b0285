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
  it('reports one finding per server naming the missing headers; proxied only: info, the app may send them', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['1:1-1:7']);
    assert.equal(found[0].message, 'server "app.example.com" does not send X-Frame-Options, Referrer-Policy, Permissions-Policy from nginx; its locations pass to an app (location /), so this is fine if the app sends its own (nginx cannot see it).');
    assert.equal(found[0].severity, 'info');
  });

  describe('say only what is known: nginx cannot see the headers an app sends', () => {
    const mixed = conf(
      'server {',
      '  listen 443 ssl;',
      '  server_name social.example.com;',
      '  location / {',
      '    proxy_pass http://web:3000;',
      '  }',
      '  location /system/ {',
      '    alias /srv/uploads/;',
      '  }',
      '}',
    );

    it('files nginx serves itself (an uploads folder) without nosniff or framing control: warning, at that location', () => {
      const found = lint({ 'nginx/app.conf': mixed }, 'nginx/app.conf', RULE);
      assertRanges(found, RULE, ['7:3-7:20']);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /on what nginx serves itself \(location \/system\/\)/);
      assert.match(found[0].message, /X-Content-Type-Options/);
    });

    it('the same server with the headers on the uploads location: only the proxied part lacks them, info', () => {
      const safe = mixed.replace('    alias /srv/uploads/;', `    alias /srv/uploads/;\n    ${allFour.join('\n    ')}`);
      const found = lint({ 'nginx/app.conf': safe }, 'nginx/app.conf', RULE);
      assertRanges(found, RULE, ['1:1-1:7']);
      assert.equal(found[0].severity, 'info');
    });

    it('FastCGI, uwsgi and gRPC locations count as the app answering', () => {
      for (const pass of ['fastcgi_pass php:9000', 'uwsgi_pass app:3031', 'grpc_pass grpc://app:50051']) {
        const found = lint({ 'nginx/app.conf': site.replace('proxy_pass http://app:3000', pass) }, 'nginx/app.conf', RULE);
        assert.equal(found[0].severity, 'info', pass);
      }
    });

    it('a static site lacking only Permissions-Policy: info (hardening); lacking nosniff too: warning', () => {
      const hardening = `server {\n  listen 443 ssl;\n  ${allFour.slice(0, 3).join('\n  ')}\n  root /srv;\n}\n`;
      const found = lint({ 'nginx/app.conf': hardening }, 'nginx/app.conf', RULE);
      assertRanges(found, RULE, ['1:1-1:7']);
      assert.equal(found[0].severity, 'info');
      const direct = lint({ 'nginx/app.conf': hardening.replace(`  ${allFour[0]}\n`, '') }, 'nginx/app.conf', RULE);
      assertRanges(direct, RULE, ['1:1-1:7']);
      assert.equal(direct[0].severity, 'warning');
    });

    it('a location that drops the server\'s headers with its own add_header is header-inheritance\'s, not reported here', () => {
      const dropping = `server {\n  listen 443 ssl;\n  ${allFour.join('\n  ')}\n  root /srv;\n  location /assets/ {\n    add_header Cache-Control "max-age=60";\n  }\n}\n`;
      assert.deepEqual(lint({ 'nginx/app.conf': dropping }, 'nginx/app.conf', RULE), []);
      assert.equal(lint({ 'nginx/app.conf': dropping }, 'nginx/app.conf', 'nginx/header-inheritance').length, 1);
    });
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
