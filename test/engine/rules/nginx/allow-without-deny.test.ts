import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/allow-without-deny';
const site = (loc: string, listen = 'listen 80;', server = '') => `server {\n    ${listen}\n${server}    location /admin/ {\n${loc}        proxy_pass http://app:3000;\n    }\n}\n`;
const ALLOW = '        allow 10.0.0.0/8;\n        allow 192.168.1.0/24;\n';

describe('nginx/allow-without-deny', () => {
  it('reports an allow list with no deny all at the first allow, as an error (Gixy-Next allow_without_deny)', () => {
    const text = site(ALLOW);
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'allow 10.0.0.0/8;')]);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /lets in every IPv4 client that no rule names/);
  });

  it('accepts a list closed by deny all, a deliberate allow all, and deny all alone', () => {
    assert.deepEqual(lintText('app.conf', site(`${ALLOW}        deny all;\n`), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        allow all;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        deny all;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        allow 10.0.0.0/8;\n        deny 0.0.0.0/0;\n'), RULE), [], 'an IPv4-only server');
  });

  it('does not count a deny all of the server: a location with its own rules inherits none (ngx_http_access_module)', () => {
    const text = site(ALLOW, 'listen 80;', '    deny all;\n');
    assertRanges(lintText('app.conf', text, RULE), RULE, [spanOf(text, 'allow 10.0.0.0/8;')]);
  });

  it('reads IPv4 and IPv6 lists apart: deny 0.0.0.0/0 leaves the IPv6 clients of [::] in', () => {
    const text = site('        allow 10.0.0.0/8;\n        deny 0.0.0.0/0;\n', 'listen [::]:80 ipv6only=off;');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'allow 10.0.0.0/8;')]);
    assert.match(found[0].message, /every IPv6 client/);
  });

  it('satisfy any with authentication is the "address or password" pattern; satisfy all with it is a warning', () => {
    const auth = '        auth_basic "Restricted";\n        auth_basic_user_file /etc/nginx/htpasswd;\n';
    assert.deepEqual(lintText('app.conf', site(`        satisfy any;\n${ALLOW}${auth}`), RULE), []);
    const found = lintText('app.conf', site(`${ALLOW}${auth}`), RULE);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /only auth_basic protects this block/);
  });

  it('is info in a server that listens only on loopback, and silent for a snippet of bare allow lines', () => {
    const found = lintText('app.conf', site(ALLOW, 'listen 127.0.0.1:8080;'), RULE);
    assert.equal(found[0].severity, 'info');
    assert.deepEqual(lintText('allowlist.conf', 'allow 10.0.0.0/8;\nallow 192.168.0.0/16;\n', RULE), []);
  });

  it('follows includes: a deny all in an included file counts; an unreadable include may hold it', () => {
    const files = { 'nginx/app.conf': site(`${ALLOW}        include snippets/deny.conf;\n`), 'nginx/snippets/deny.conf': 'deny all;\n' };
    assert.deepEqual(lint(files, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lintText('app.conf', site(`${ALLOW}        include /etc/nginx/acl/office.conf;\n`), RULE), []);
  });

  it('leaves a location holding a status page to nginx/status-page-exposed', () => {
    assert.deepEqual(lintText('app.conf', 'server {\n    listen 80;\n    location /status {\n        stub_status;\n        allow 10.0.0.0/8;\n    }\n}\n', RULE), []);
  });

  it('fixes: adds deny all; after the last rule (not applied by Fix all)', () => {
    const fixed = checkFix({ 'app.conf': site(ALLOW) }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site(`${ALLOW}        deny all;\n`));
    assert.equal(lintText('app.conf', site(ALLOW), RULE)[0].fixes[0].safe, false);
  });
});
