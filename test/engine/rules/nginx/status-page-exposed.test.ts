import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/status-page-exposed';
const site = (loc: string, listen = 'listen 80;', server = '') => `server {\n    ${listen}\n${server}    location /nginx_status {\n        stub_status;\n${loc}    }\n}\n`;

describe('nginx/status-page-exposed', () => {
  it('reports stub_status with no allowlist at the directive (Gixy-Next status_page_exposed)', () => {
    const text = site('');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'stub_status;')]);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /no allow\/deny list or authentication guards it/);
  });

  it('reports an allowlist without deny all, and allow all', () => {
    assert.match(lintText('app.conf', site('        allow 10.0.0.0/8;\n'), RULE)[0].message, /does not end with deny all/);
    assert.match(lintText('app.conf', site('        allow 10.0.0.0/8;\n        allow all;\n        deny all;\n'), RULE)[0].message, /lets every client in/);
  });

  it('accepts an allowlist closed by deny all, inherited from the server too, and deny all alone (nobody reads it)', () => {
    assert.deepEqual(lintText('app.conf', site('        allow 127.0.0.1;\n        allow 10.0.0.0/8;\n        deny all;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('', 'listen 80;', '    allow 10.0.0.0/8;\n    deny all;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        deny all;\n'), RULE), []);
  });

  it('accepts authentication, unless satisfy any with allow all lets everyone past it', () => {
    const auth = '        auth_basic "status";\n        auth_basic_user_file /etc/nginx/htpasswd;\n';
    assert.deepEqual(lintText('app.conf', site(auth), RULE), []);
    assert.deepEqual(lintText('app.conf', site(`        satisfy any;\n        allow 10.0.0.0/8;\n        deny all;\n${auth}`), RULE), []);
    assert.match(lintText('app.conf', site(`        satisfy any;\n        allow all;\n${auth}`), RULE)[0].message, /allow all under satisfy any/);
  });

  it('ignores servers reachable only locally (loopback, unix socket) and internal locations', () => {
    assert.deepEqual(lintText('app.conf', site('', 'listen 127.0.0.1:8080;'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('', 'listen unix:/run/nginx-status.sock;'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        internal;\n'), RULE), []);
  });

  it('reads address families from listen: deny 0.0.0.0/0 does not close an IPv6 listener', () => {
    const open = site('        allow 10.0.0.0/8;\n        deny 0.0.0.0/0;\n', 'listen [::]:80;');
    assert.equal(lintText('app.conf', open, RULE).length, 1);
    assert.deepEqual(lintText('app.conf', site('        allow 10.0.0.0/8;\n        deny 0.0.0.0/0;\n'), RULE), []);
  });

  it('reports the VTS page and NGINX Plus api write=on (an error)', () => {
    const vts = 'server {\n    listen 80;\n    location /status {\n        vhost_traffic_status_display;\n    }\n}\n';
    assertRanges(lintText('app.conf', vts, RULE), RULE, [spanOf(vts, 'vhost_traffic_status_display;')]);
    const api = 'server {\n    listen 80;\n    location /api {\n        api write=on;\n    }\n}\n';
    assert.equal(lintText('app.conf', api, RULE)[0].severity, 'error');
  });

  it('fixes: allow only localhost; or close the existing allowlist with deny all', () => {
    const fixed = checkFix({ 'app.conf': site('') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site('        allow 127.0.0.1;\n        deny all;\n'));
    const closed = checkFix({ 'app.conf': site('        allow 10.0.0.0/8;\n') }, 'app.conf', RULE, { reparse });
    assert.equal(closed['app.conf'], site('        allow 10.0.0.0/8;\n        deny all;\n'));
  });

  it('fixes: an inherited incomplete allowlist is repeated in the location with deny all', () => {
    const text = site('', 'listen 80;', '    allow 10.0.0.0/8;\n');
    const fixed = checkFix({ 'app.conf': text }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site('        allow 10.0.0.0/8;\n        deny all;\n', 'listen 80;', '    allow 10.0.0.0/8;\n'));
  });
});
