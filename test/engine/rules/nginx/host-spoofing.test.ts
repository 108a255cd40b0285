import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/host-spoofing';
const loc = (line: string) => `location / {\n    ${line}\n    proxy_pass http://127.0.0.1:3000;\n}\n`;

describe('nginx/host-spoofing', () => {
  it('reports Host from $http_host, any case of the header name (gixy http_host.conf, http_host_diff_case.conf)', () => {
    assertRanges(lintText('app.conf', loc('proxy_set_header Host $http_host;'), RULE), RULE, ['2:27-2:37']);
    assertRanges(lintText('app.conf', loc('proxy_set_header HoSt $http_host;'), RULE), RULE, ['2:27-2:37']);
  });

  it('reports Host from arguments, cookies, X-Forwarded-Host, also inside a longer value (gixy some_arg.conf)', () => {
    for (const v of ['$arg_host', '$ARG_host', '$cookie_host', '$http_x_forwarded_host', 'www.$arg_sub.example.com', 'prefix-$http_x_forwarded_host']) {
      assertRanges(lintText('app.conf', loc(`proxy_set_header host ${v};`), RULE), RULE, [`2:27-2:${27 + v.length}`]);
    }
  });

  it('follows set variables', () => {
    const text = 'location / {\n    set $h $http_host;\n    proxy_set_header Host $h;\n    proxy_pass http://app;\n}\n';
    assertRanges(lintText('app.conf', text, RULE), RULE, ['3:27-3:29']);
  });

  it('follows map results: a map that passes X-Forwarded-Host through is the client\'s, one of fixed names is not', () => {
    const text = 'map $http_x_forwarded_host $upstream_host {\n    default $http_x_forwarded_host;\n    "" $host;\n}\nserver {\n    listen 80;\n'
      + loc('proxy_set_header Host $upstream_host;') + '}\n';
    const found = lintText('app.conf', text, RULE);
    assert.deepEqual(found.map((f) => f.rule), [RULE]);
    assertRanges(found, RULE, ['8:27-8:41']);
    const fixed = 'map $http_x_tenant $upstream_host {\n    default app.internal;\n    beta beta.internal;\n}\nserver {\n    listen 80;\n'
      + loc('proxy_set_header Host $upstream_host;') + '}\n';
    assert.deepEqual(lintText('app.conf', fixed, RULE), []);
  });

  it('accepts $host, $host:$server_port, other headers, and an incomplete directive (gixy http_fp.conf)', () => {
    assert.deepEqual(lintText('app.conf', loc('proxy_set_header Host $host;'), RULE), []);
    assert.deepEqual(lintText('app.conf', loc('proxy_set_header Host $host:$server_port;'), RULE), []);
    assert.deepEqual(lintText('app.conf', loc('proxy_set_header X-Forwarded-Host $http_host;'), RULE), []);
    assert.deepEqual(lintText('app.conf', loc('proxy_set_header Host;'), RULE), []);
  });

  it('fixes: $http_host -> $host', () => {
    const fixed = checkFix({ 'app.conf': loc('proxy_set_header Host $http_host;') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], loc('proxy_set_header Host $host;'));
  });
});
