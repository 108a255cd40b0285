import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { broadRange } from '../../../../server/src/engine/nginx/address-ranges';
import { reparse } from './support';

const RULE = 'nginx/real-ip-spoofable';
const PRIVATE = 'set_real_ip_from 10.0.0.0/8;\n    set_real_ip_from 172.16.0.0/12;\n    set_real_ip_from 192.168.0.0/16;\n';
const http = (body: string) => `http {\n    ${body}    server {\n        listen 80;\n        location / { proxy_pass http://app:3000; }\n    }\n}\n`;

describe('nginx/real-ip-spoofable', () => {
  it('tells whole private networks and everything from a proxy\'s own address', () => {
    for (const r of ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fd00::/8', '10.0.0.0/7']) assert.equal(broadRange(r), 'private', r);
    for (const r of ['0.0.0.0/0', '::/0']) assert.equal(broadRange(r), 'everything', r);
    for (const r of ['172.18.0.1', '172.18.0.0/16', '10.0.0.0/9', '203.0.113.0/24', '2400:cb00::/32', 'unix:', 'fd12:3456::/48']) assert.equal(broadRange(r), undefined, r);
  });

  it('reports private ranges with real_ip_recursive on (Nginx Proxy Manager, mailcow)', () => {
    const text = http(`${PRIVATE}    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;\n`);
    const found = lintText('nginx.conf', text, RULE);
    assertRanges(found, RULE, ['2:22-2:32']);
    assert.match(found[0].message, /real_ip_recursive is on/);
  });

  it('reports the default X-Real-IP when no proxy in front overwrites it (Lemmy), not when the outer proxy\'s config sets it', () => {
    const inner = http(PRIVATE);
    assertRanges(lintText('nginx_internal.conf', inner, RULE), RULE, ['2:22-2:32']);
    const outerBlind = 'server {\n    listen 443 ssl;\n    location / { proxy_pass http://127.0.0.1:8536; }\n}\n';
    assert.equal(lint({ 'nginx_internal.conf': inner, 'nginx.conf': outerBlind }, 'nginx_internal.conf', RULE).length, 1);
    const outerSets = 'server {\n    listen 443 ssl;\n    location / {\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_pass http://127.0.0.1:8536;\n    }\n}\n';
    assert.deepEqual(lint({ 'nginx_internal.conf': inner, 'nginx.conf': outerSets }, 'nginx_internal.conf', RULE), []);
  });

  it('counts every alternative of a template that switches real_ip_header', () => {
    const text = http(`${PRIVATE}    real_ip_header X-Forwarded-For;\n    real_ip_header proxy_protocol;\n    real_ip_recursive on;\n`);
    assert.equal(lintText('sites-default.conf', text, RULE).length, 1);
  });

  it('reads the content of mailcow\'s Jinja site template (the trust list around the markup lines)', () => {
    const text = 'root /web;\n\nset_real_ip_from 10.0.0.0/8;\nset_real_ip_from 172.16.0.0/12;\nset_real_ip_from 192.168.0.0/16;\nset_real_ip_from fc00::/7;\n'
      + '{% for TRUSTED_PROXY in TRUSTED_PROXIES %}\nset_real_ip_from {{ TRUSTED_PROXY }};\n{% endfor %}\n'
      + '{% if not NGINX_USE_PROXY_PROTOCOL %}\nreal_ip_header X-Forwarded-For;\n{% else %}\nreal_ip_header proxy_protocol;\n{% endif %}\nreal_ip_recursive on;\n';
    const found = lintText('nginx/sites-default.conf', text, RULE);
    assertRanges(found, RULE, ['3:18-3:28']);
    assert.match(found[0].message, /fc00::\/7/);
  });

  it('reports 0.0.0.0/0 even with X-Forwarded-For and no recursion', () => {
    const text = http('set_real_ip_from 0.0.0.0/0;\n    real_ip_header X-Forwarded-For;\n');
    assert.match(lintText('nginx.conf', text, RULE)[0].message, /every client is trusted/);
  });

  it('accepts the proxy\'s own address, X-Forwarded-For without recursion, and proxy_protocol', () => {
    assert.deepEqual(lintText('nginx.conf', http('set_real_ip_from 172.18.0.1;\n    real_ip_recursive on;\n'), RULE), []);
    assert.deepEqual(lintText('nginx.conf', http(`${PRIVATE}    real_ip_header X-Forwarded-For;\n`), RULE), []);
    assert.deepEqual(lintText('nginx.conf', http(`${PRIVATE}    real_ip_header proxy_protocol;\n    real_ip_recursive on;\n`), RULE), []);
  });

  it('judges a server-level trust list with the http-level header settings', () => {
    const text = 'http {\n    real_ip_recursive on;\n    real_ip_header X-Forwarded-For;\n    server {\n        listen 80;\n        set_real_ip_from 192.168.0.0/16;\n    }\n}\n';
    assertRanges(lintText('nginx.conf', text, RULE), RULE, ['6:26-6:40']);
  });

  it('fixes (X-Forwarded-For): real_ip_recursive off, which takes the address the trusted proxy appended', () => {
    const text = http(`${PRIVATE}    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;\n`);
    const fixed = checkFix({ 'nginx.conf': text }, 'nginx.conf', RULE, { reparse });
    assert.equal(fixed['nginx.conf'], text.replace('real_ip_recursive on;', 'real_ip_recursive off;'));
    assert.equal(lintText('nginx.conf', text, RULE)[0].fixes[0].safe, false);
  });

  it('offers no fix for X-Real-IP: only the operator knows the proxy\'s address', () => {
    assert.deepEqual(lintText('nginx.conf', http(`${PRIVATE}    real_ip_recursive on;\n`), RULE)[0].fixes, []);
  });
});
