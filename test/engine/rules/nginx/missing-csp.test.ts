import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix, applyFix, rangeOf } from '../../../support/lint';
import { nginxParses } from '../../nginx/helpers';

const RULE = 'nginx/missing-csp';
const site = "server {\n    listen 443 ssl;\n    add_header X-Frame-Options 'DENY' always;\n    root /srv;\n}\n";

describe('nginx/missing-csp', () => {
  it('reports a server without Content-Security-Policy', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['1:1-1:7']);
    assert.equal(found[0].severity, 'warning');
  });

  it('Report-Only does not count; a CSP on the server or from http does', () => {
    assertRanges(lint({ 'nginx/app.conf': site.replace('root', `add_header Content-Security-Policy-Report-Only "default-src 'self'";\n    root`) }, 'nginx/app.conf', RULE), RULE, ['1:1-1:7']);
    assert.deepEqual(lint({ 'nginx/app.conf': site.replace('root', `add_header Content-Security-Policy "default-src 'self'" always;\n    root`) }, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lint({ 'nginx/nginx.conf': `http {\n  add_header Content-Security-Policy "default-src 'self'" always;\n  server { listen 443 ssl; root /srv; }\n}\n` }, 'nginx/nginx.conf', RULE), []);
  });

  describe('say only what is known: nginx cannot see the headers an app sends', () => {
    // The shape of Mastodon's nginx config: the app behind proxy_pass, uploads served from disk by nginx.
    const mastodon = [
      'server {',
      '    listen 443 ssl;',
      '    server_name social.example.com;',
      '    location / {',
      '        proxy_pass http://web:3000;',
      '    }',
      '    location /system/ {',
      '        alias /srv/mastodon/public/system/;',
      '    }',
      '}',
      '',
    ].join('\n');

    it('uploads nginx serves itself without a CSP: warning, at that location; the proxied app is not blamed', () => {
      const found = lint({ 'nginx/app.conf': mastodon }, 'nginx/app.conf', RULE);
      assertRanges(found, RULE, ['7:5-7:22']);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /what nginx serves itself \(location \/system\/\)/);
    });

    it('fix: the policy goes on the uploads location, where the gap is; the proxied app keeps its own', () => {
      // checkFix counts findings; here the warning gives way to the info about the proxied part, so the three checks are spelled out.
      const files = { 'nginx/app.conf': mastodon };
      const [warning] = lint(files, 'nginx/app.conf', RULE);
      const fixed = applyFix(files, warning.fixes[0]);
      assert.equal(fixed['nginx/app.conf'], mastodon.replace('public/system/;\n', `public/system/;\n        add_header Content-Security-Policy "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests" always;\n`));
      assert.ok(nginxParses(fixed['nginx/app.conf']));
      const after = lint(fixed, 'nginx/app.conf', RULE);
      assert.deepEqual(after.map((f) => `${rangeOf(f)} ${f.severity}`), ['1:1-1:7 info']);
      // Fixing the remaining (info) finding's location part again adds nothing to the uploads location.
      assert.equal(applyFix(fixed, after[0].fixes[0])['nginx/app.conf'].match(/default-src 'self'/g)?.length, 2);
    });

    it('a CSP on the uploads location (as Mastodon sets it): only the proxied app lacks one, info "unless the app sends its own"', () => {
      const safe = mastodon.replace('public/system/;', `public/system/;\n        add_header Content-Security-Policy "default-src 'none'; form-action 'none'";`);
      const found = lint({ 'nginx/app.conf': safe }, 'nginx/app.conf', RULE);
      assertRanges(found, RULE, ['1:1-1:7']);
      assert.equal(found[0].severity, 'info');
      assert.match(found[0].message, /fine if the app sends its own/);
    });

    it('every location passes to an app (proxy, FastCGI): info', () => {
      for (const pass of ['proxy_pass http://app:3000', 'fastcgi_pass php:9000']) {
        const text = `server {\n    listen 443 ssl;\n    location / {\n        ${pass};\n    }\n}\n`;
        const found = lint({ 'nginx/app.conf': text }, 'nginx/app.conf', RULE);
        assertRanges(found, RULE, ['1:1-1:7']);
        assert.equal(found[0].severity, 'info', pass);
      }
    });

    it('a dotfile deny, an ACME / .well-known location or an include we cannot read do not make nginx the one answering', () => {
      const proxied = (extra: string) => `server {\n    listen 443 ssl;\n    location / {\n        proxy_pass http://app:3000;\n    }\n${extra}}\n`;
      for (const extra of [
        '    location ~ /\\.(?!well-known) {\n        deny all;\n    }\n',
        '    location ^~ /.well-known {\n        root /usr/share/nginx/html;\n    }\n',
        '    location /api/ {\n        include snippets/app-proxy.conf;\n    }\n',
      ]) {
        const found = lint({ 'nginx/app.conf': proxied(extra) }, 'nginx/app.conf', RULE);
        assertRanges(found, RULE, ['1:1-1:7']);
        assert.equal(found[0].severity, 'info', extra);
      }
      // The same location serving files of its own is a gap nginx owns.
      const files = lint({ 'nginx/app.conf': proxied('    location /media/ {\n        root /srv;\n    }\n') }, 'nginx/app.conf', RULE);
      assertRanges(files, RULE, ['6:5-6:21']);
      assert.equal(files[0].severity, 'warning');
    });

    it('a static site with try_files and an API location: warning at the server, which serves its own root', () => {
      const spa = 'server {\n    listen 443 ssl;\n    root /srv/www;\n    location /api/ {\n        proxy_pass http://api:8080;\n    }\n    location / {\n        try_files $uri /index.html;\n    }\n}\n';
      const found = lint({ 'nginx/app.conf': spa }, 'nginx/app.conf', RULE);
      assertRanges(found, RULE, ['1:1-1:7']);
      assert.equal(found[0].severity, 'warning');
    });
  });

  it('fix: a conservative policy, unsafe, in the quote style of the file', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assert.equal(found[0].fixes[0].safe, false);
    const fixed = checkFix({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], site.replace("always;\n", `always;\n    add_header Content-Security-Policy "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests" always;\n`));
  });
});
