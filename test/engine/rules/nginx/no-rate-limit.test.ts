import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/no-rate-limit';
const site = (extra = '') => `server {\n    listen 80;\n    server_name app.example.com;\n\n    location /api/v1/auth/login {\n${extra}        proxy_pass http://127.0.0.1:3000;\n    }\n\n    location / {\n        proxy_pass http://127.0.0.1:3000;\n    }\n}\n`;
const full = (server: string) => `events {}\nhttp {\n    sendfile on;\n\n${server.replace(/^/gm, '    ').replace(/^ +$/gm, '')}}\n`;

describe('nginx/no-rate-limit', () => {
  it('warns about a proxied login location without limit_req, at its path', () => {
    const found = lintText('app.conf', site(), RULE);
    assertRanges(found, RULE, [spanOf(site(), '/api/v1/auth/login')]);
    assert.equal(found[0].severity, 'warning');
    for (const p of ['/signin', '/api/token', '/session', '/reset-password', '/register', '/signup', '/oauth2/authorize']) {
      assert.equal(lintText('app.conf', site().replace('/api/v1/auth/login', p), RULE).length, 1, p);
    }
  });

  it('is info, once per config, when nothing is rate limited and no login location is exposed', () => {
    const text = 'server {\n    listen 80;\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n';
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, ['1:1-1:7']);
    assert.equal(found[0].severity, 'info');
  });

  it('accepts limit_req in the location or inherited from the server, internal and static locations, /authors', () => {
    assert.deepEqual(lintText('app.conf', 'limit_req_zone $binary_remote_addr zone=z:10m rate=5r/m;\n' + site('        limit_req zone=z burst=5 nodelay;\n'), RULE), []);
    const inherited = site().replace('    server_name app.example.com;\n', '    server_name app.example.com;\n    limit_req zone=z burst=20;\n');
    assert.deepEqual(lintText('app.conf', 'limit_req_zone $binary_remote_addr zone=z:10m rate=5r/s;\n' + inherited, RULE), []);
    assert.deepEqual(lintText('app.conf', 'server {\n    limit_req zone=z;\n    location /login { internal; proxy_pass http://a; }\n    location /authors { proxy_pass http://a; }\n    location /session-notes { root /srv; }\n}\n', RULE), []);
  });

  it('fixes: adds limit_req_zone to the http block and limit_req to the location', () => {
    const fixed = checkFix({ 'nginx.conf': full(site()) }, 'nginx.conf', RULE, { reparse });
    const text = fixed['nginx.conf'];
    assert.match(text, /^http \{\n    sendfile on;\n    limit_req_zone \$binary_remote_addr zone=deploylint_auth:10m rate=5r\/m;\n/m);
    assert.match(text, /location \/api\/v1\/auth\/login \{\n            limit_req zone=deploylint_auth burst=5 nodelay;\n            proxy_pass/);
  });

  it('fixes: in a fragment for http {}, the zone goes to the top of the file, named after the file', () => {
    const fixed = checkFix({ 'conf.d/app.conf': site() }, 'conf.d/app.conf', RULE, { reparse });
    assert.ok(fixed['conf.d/app.conf'].startsWith('limit_req_zone $binary_remote_addr zone=deploylint_auth_app:10m rate=5r/m;\n\nserver {'));
    assert.match(fixed['conf.d/app.conf'], /limit_req zone=deploylint_auth_app burst=5 nodelay;\n        proxy_pass/);
  });

  it('fixes: reuses an existing zone', () => {
    const files = { 'app.conf': 'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n' + site() };
    const fixed = checkFix(files, 'app.conf', RULE, { reparse });
    assert.equal((fixed['app.conf'].match(/limit_req_zone/g) ?? []).length, 1);
    assert.match(fixed['app.conf'], /limit_req zone=api burst=5 nodelay;/);
  });

  it('fixes the info finding with a general zone at the server level', () => {
    const text = 'server {\n    listen 80;\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n';
    const fixed = checkFix({ 'app.conf': text }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], 'limit_req_zone $binary_remote_addr zone=deploylint_req_app:10m rate=10r/s;\n\nserver {\n    listen 80;\n    limit_req zone=deploylint_req_app burst=20 nodelay;\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n');
  });

  it('offers no zone edit when the http block lives in another file', () => {
    const files = { 'nginx/nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n', 'nginx/conf.d/app.conf': site() };
    const found = lint(files, 'nginx/conf.d/app.conf', RULE);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });
});
