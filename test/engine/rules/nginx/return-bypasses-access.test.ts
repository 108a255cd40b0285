import * as assert from 'node:assert/strict';
import { assertRanges, lintText } from '../../../support/lint';
import { spanOf } from './support';

const RULE = 'nginx/return-bypasses-access';
const site = (loc: string, listen = 'listen 80;', server = '') => `server {\n    ${listen}\n${server}    location /admin/ {\n${loc}    }\n}\n`;
const ACL = '        allow 127.0.0.1;\n        deny all;\n';

describe('nginx/return-bypasses-access', () => {
  it('reports a return 200 next to allow/deny as an error, with the access rule as related (Gixy-Next return_bypasses_allow_deny)', () => {
    const text = site(`${ACL}        return 200 "hi";\n`);
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'return 200 "hi";')]);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /deny all in force for location \/admin\/ never applies/);
    assert.equal(found[0].related?.length, 1);
  });

  it('reports access rules inherited from the server, and authentication', () => {
    const inherited = site('        return 200 "secret";\n', 'listen 80;', ACL.replace(/^ {4}/gm, ''));
    assertRanges(lintText('app.conf', inherited, RULE), RULE, [spanOf(inherited, 'return 200 "secret";')]);
    const auth = site('        auth_basic "admin";\n        auth_basic_user_file /etc/nginx/htpasswd;\n        return 200 "secret";\n');
    assert.match(lintText('app.conf', auth, RULE)[0].message, /auth_basic in force/);
  });

  it('reports redirects (return 3xx, rewrite ... redirect, rewrite to https://) as warnings, and a return in an if', () => {
    const text = site(`${ACL}        if ($arg_x) {\n            return 302 /elsewhere;\n        }\n        rewrite ^ https://example.com/ permanent;\n`);
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'return 302 /elsewhere;'), spanOf(text, 'rewrite ^ https://example.com/ permanent;')]);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning']);
  });

  it('accepts refusals, internal rewrites, blocks without access rules, and open lists', () => {
    assert.deepEqual(lintText('app.conf', site(`${ACL}        return 403;\n`), RULE), []);
    assert.deepEqual(lintText('app.conf', site(`${ACL}        rewrite ^/admin/(.*)$ /internal/$1 last;\n`), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        return 200 "hi";\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        allow all;\n        return 200 "hi";\n', 'listen 80;', '    deny all;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        auth_basic off;\n        return 200 "hi";\n', 'listen 80;', '    auth_basic "x";\n'), RULE), []);
  });

  it('a ban of some addresses is bypassed by content, not by a redirect', () => {
    const ban = '        deny 203.0.113.7;\n';
    assert.equal(lintText('app.conf', site(`${ban}        return 200 "hi";\n`), RULE).length, 1);
    assert.deepEqual(lintText('app.conf', site(`${ban}        return 301 https://example.com/;\n`), RULE), []);
  });

  it('skips the error page of denied clients (an internal location under the server rules); reports a named location with its own', () => {
    const errorPage = 'server {\n    listen 80;\n    allow 10.0.0.0/8;\n    deny all;\n    error_page 403 /denied.html;\n    location = /denied.html {\n        internal;\n        return 200 "ask IT for access";\n    }\n}\n';
    assert.deepEqual(lintText('app.conf', errorPage, RULE), []);
    // Gixy-Next's suggested fix: the named location runs its rewrite phase (the return) before its access phase.
    const named = 'server {\n    listen 80;\n    location /admin/ {\n        error_page 418 = @admin;\n        return 418;\n    }\n    location @admin {\n        allow 127.0.0.1;\n        deny all;\n        return 200 "hi";\n    }\n}\n';
    assertRanges(lintText('app.conf', named, RULE), RULE, [spanOf(named, 'return 200 "hi";')]);
  });

  it('is info in a server that listens only on loopback', () => {
    assert.equal(lintText('app.conf', site(`${ACL}        return 200 "hi";\n`, 'listen 127.0.0.1:8080;'), RULE)[0].severity, 'info');
  });
});
