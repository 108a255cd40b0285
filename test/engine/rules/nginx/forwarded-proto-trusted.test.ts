import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/forwarded-proto-trusted';
const site = (top: string, line: string, listen = '80') =>
  `${top}server {\n    listen ${listen};\n    location / {\n        ${line}\n        proxy_pass http://app:3000;\n    }\n}\n`;
const NPM_MAP = 'map $http_x_forwarded_proto $x_forwarded_proto {\n    "http" "http";\n    "https" "https";\n    default $scheme;\n}\n';

describe('nginx/forwarded-proto-trusted', () => {
  it('reports X-Forwarded-Proto passed on from the client\'s header', () => {
    const text = site('', 'proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, '$http_x_forwarded_proto')]);
    assert.equal(spanOf(text, '$http_x_forwarded_proto'), '4:44-4:67');
    assert.equal(found[0].severity, 'warning');
  });

  it('follows a map keyed on the header (Nginx Proxy Manager, frappe) and set variables', () => {
    const npm = site(NPM_MAP, 'proxy_set_header X-Forwarded-Proto $x_forwarded_proto;');
    assertRanges(lintText('app.conf', npm, RULE), RULE, [spanOf(npm, '$x_forwarded_proto', 1)]);
    const viaSet = site('', 'set $proto $http_x_forwarded_proto;\n        proxy_set_header X-Forwarded-Proto $proto;');
    assert.equal(lintText('app.conf', viaSet, RULE).length, 1);
  });

  it('reports one variable passed on in several locations once, and fixes every use (frappe)', () => {
    const two = `${NPM_MAP}server {\n    listen 80;\n    location / {\n        proxy_set_header X-Forwarded-Proto $x_forwarded_proto;\n        proxy_pass http://app:3000;\n    }\n`
      + '    location /socket.io {\n        proxy_set_header X-Forwarded-Proto $x_forwarded_proto;\n        proxy_pass http://app:9000;\n    }\n}\n';
    const found = lintText('app.conf', two, RULE);
    assertRanges(found, RULE, [spanOf(two, '$x_forwarded_proto', 1)]);
    assert.equal(found[0].related?.length, 1);
    assert.match(found[0].message, /and 1 more directive/);
    const fixed = checkFix({ 'app.conf': two }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], two.replace(/X-Forwarded-Proto \$x_forwarded_proto/g, 'X-Forwarded-Proto $scheme'));
  });

  it('reports the host header too, and fastcgi params', () => {
    assert.equal(lintText('app.conf', site('', 'proxy_set_header X-Forwarded-Host $http_x_forwarded_host;'), RULE).length, 1);
    assert.equal(lintText('app.conf', site('', 'fastcgi_param HTTPS $http_x_forwarded_ssl;'), RULE).length, 1);
  });

  it('reports a redirect built from the header at info (only the sender is misled)', () => {
    const text = 'server {\n    listen 80;\n    return 301 $http_x_forwarded_proto://$host$request_uri;\n}\n';
    const found = lintText('app.conf', text, RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
  });

  it('accepts $scheme, a map decided by the peer address, a loopback-only server, and Host (host-spoofing\'s)', () => {
    assert.deepEqual(lintText('app.conf', site('', 'proxy_set_header X-Forwarded-Proto $scheme;'), RULE), []);
    const trusted = 'map $realip_remote_addr $fwd_proto {\n    10.0.0.2 $http_x_forwarded_proto;\n    default $scheme;\n}\n';
    assert.deepEqual(lintText('app.conf', site(trusted, 'proxy_set_header X-Forwarded-Proto $fwd_proto;'), RULE), []);
    const geo = 'geo $from_proxy {\n    default 0;\n    10.0.0.2 1;\n}\nmap "$from_proxy:$http_x_forwarded_proto" $fwd_proto {\n    "1:https" https;\n    default $scheme;\n}\n';
    assert.deepEqual(lintText('app.conf', site(geo, 'proxy_set_header X-Forwarded-Proto $fwd_proto;'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('', 'proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;', '127.0.0.1:8080'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('', 'proxy_set_header Host $http_x_forwarded_host;'), RULE), []);
  });

  it('fixes: the variable becomes $scheme / $host, inside a longer value too', () => {
    const fixed = checkFix({ 'app.conf': site(NPM_MAP, 'proxy_set_header X-Forwarded-Proto $x_forwarded_proto;') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site(NPM_MAP, 'proxy_set_header X-Forwarded-Proto $scheme;'));
    const longer = site('', 'proxy_set_header Origin "${http_x_forwarded_proto}s://$http_x_forwarded_host";');
    const fixed2 = checkFix({ 'app.conf': longer }, 'app.conf', RULE, { reparse });
    assert.equal(fixed2['app.conf'], site('', 'proxy_set_header Origin "${scheme}s://$host";'));
  });
});
