import * as assert from 'node:assert/strict';
import { assertRanges, lintText, rangeOf } from '../../../support/lint';
import { spanOf } from './support';

const RULE = 'nginx/ssrf';
const server = (body: string) => `server {\n  listen 80;\n${body}}\n`;

describe('nginx/ssrf', () => {
  it('reports a proxy_pass whose scheme or host comes from the request (gixy ssrf positives)', () => {
    const cases: [string, string, string][] = [
      ['used_arg', '  location /proxy/ {\n    proxy_pass $arg_some;\n  }\n', '$arg_some'],
      ['single_var', '  location ~ /proxy/(?P<proxy>.*)$ {\n    proxy_pass $proxy;\n  }\n', '$proxy'],
      ['scheme_var', '  location ~ /proxy/$ {\n    proxy_pass $http_proxy_scheme://some/file.conf;\n  }\n', '$http_proxy_scheme://some/file.conf'],
      ['host_w_const_start', '  location ~* ^/backend/(?<path>.*) {\n    proxy_pass http://some$path;\n  }\n', 'http://some$path'],
      ['host_w_const_start_arg', '  location /backend/ {\n    proxy_pass http://some${arg_la}.example;\n  }\n', 'http://some${arg_la}.example'],
      ['vars_from_loc', '  location ~ /proxy/(.*)/(.*)/(.*)$ {\n    set $scheme $1;\n    set $host $2;\n    set $path $3;\n    proxy_pass $scheme://$host/$path;\n  }\n', '$scheme://$host/$path'],
      ['with_const_scheme', '  location ~* ^/internal-proxy/(https?)/(.*?)/(.*) {\n    set $proxy_protocol $1;\n    set $proxy_host $2;\n    set $proxy_path $3;\n    proxy_pass $proxy_protocol://$proxy_host/$proxy_path;\n  }\n', '$proxy_protocol://$proxy_host/$proxy_path'],
      ['cookie', '  location / {\n    proxy_pass http://$cookie_backend:8080;\n  }\n', 'http://$cookie_backend:8080'],
    ];
    for (const [name, body, value] of cases) assert.deepEqual(lintText('app.conf', server(body), RULE).map(rangeOf), [spanOf(server(body), value)], name);
  });

  it('accepts fixed hosts, internal locations and request data in the path only (gixy ssrf *_fp)', () => {
    for (const body of [
      '  location /proxy/ {\n    internal;\n    proxy_pass $arg_some;\n  }\n', // have_internal_fp
      '  location ~ /proxy/(.*)$ {\n    proxy_pass http://yastatic.net/$1;\n  }\n', // not_host_var_fp
      '  location /backend/ {\n    proxy_pass http://some$request_uri;\n  }\n', // request_uri_fp
      '  location / {\n    set $upstream "http://some$request_uri";\n    proxy_pass $upstream;\n  }\n', // request_uri_var_fp
      '  location / {\n    set $backend app;\n    proxy_pass http://$backend:3000;\n  }\n',
      '  location / {\n    proxy_pass http://$host$request_uri;\n  }\n',
    ]) assert.deepEqual(lintText('app.conf', server(body), RULE), [], body);
  });

  it('has no fix (the allowed upstreams are the user\'s to name)', () => {
    const found = lintText('app.conf', server('  location / {\n    proxy_pass $arg_to;\n  }\n'), RULE);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });
});
