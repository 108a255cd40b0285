import * as assert from 'node:assert/strict';
import { lintText, rangeOf } from '../../../support/lint';
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

  it('reports fastcgi_pass, scgi_pass and uwsgi_pass to an address from the request, not to a fixed one', () => {
    const text = server([
      '  location /php/ {\n    fastcgi_pass $http_x_fpm;\n  }\n',
      '  location /py/ {\n    set $app "$arg_app:3031";\n    uwsgi_pass uwsgi://$app;\n  }\n',
      '  location /cgi/ {\n    scgi_pass ${cookie_node}.internal:4000;\n  }\n',
    ].join(''));
    const found = lintText('app.conf', text, RULE);
    assert.deepEqual(found.map((f) => f.rule), [RULE, RULE, RULE]);
    assert.deepEqual(found.map(rangeOf), [spanOf(text, '$http_x_fpm'), spanOf(text, 'uwsgi://$app'), spanOf(text, '${cookie_node}.internal:4000')]);
    assert.match(found[0].message, /^fastcgi_pass takes its host from \$http_x_fpm/);
    for (const body of [
      '  location ~ \\.php$ {\n    fastcgi_pass php:9000;\n  }\n',
      '  location / {\n    set $fpm php:9000;\n    fastcgi_pass $fpm;\n  }\n',
      '  location ~ ^/app/(.*)$ {\n    uwsgi_pass unix:/run/uwsgi/app.sock;\n    uwsgi_param PATH_INFO /$1;\n  }\n',
      '  location /php/ {\n    internal;\n    fastcgi_pass $arg_fpm;\n  }\n',
    ]) assert.deepEqual(lintText('app.conf', server(body), RULE), [], body);
  });

  it('follows map and geo results: a value that always starts with "/" keeps the host fixed, a missing default does not', () => {
    const site = (block: string, pass: string) => `${block}\nserver {\n  listen 80;\n  location / {\n    proxy_pass ${pass};\n  }\n}\n`;
    const report = (text: string, value: string) => {
      const found = lintText('app.conf', text, RULE);
      assert.deepEqual(found.map((f) => [f.rule, rangeOf(f)]), [[RULE, spanOf(text, value)]], text);
    };
    // No default: the result is empty for other keys, so $arg_to becomes the host.
    report(site('map $arg_v $ver {\n  v1 /v1/;\n  v2 /v2/;\n}', 'http://$ver$arg_to'), 'http://$ver$arg_to');
    // A geo value is literal text: "x" puts $arg_to in the host.
    report(site('geo $pre {\n  default x;\n  10.0.0.0/8 /lan/;\n}', 'http://$pre$arg_to'), 'http://$pre$arg_to');
    // A map value taken from the request is the request's.
    const fromArg = site('map $arg_target $backend {\n  default $arg_target;\n  "" app;\n}', 'http://$backend');
    report(fromArg, 'http://$backend');
    assert.match(lintText('app.conf', fromArg, RULE)[0].message, /\$backend \(mapped from \$arg_target\)/);
    // The map may sit in the enclosing http block.
    report(`http {\n${site('map $arg_target $backend {\n  default $arg_target;\n}', 'http://$backend:8080')}}\n`, 'http://$backend:8080');

    for (const text of [
      site('map $arg_v $ver {\n  default /v1/;\n  v2 /v2/;\n}', 'http://$ver$arg_to'),
      site('geo $remote_addr $pre {\n  ranges;\n  default /wan/;\n  10.0.0.1-10.0.0.9 /lan/;\n  proxy 10.0.0.1;\n  delete 10.0.0.5-10.0.0.5;\n}', 'http://$pre$arg_to'),
      site('map $arg_env $backend {\n  default app;\n  beta app-beta;\n}', 'http://$backend:3000'),
      `http {\n${site('map $http_x_env $backend {\n  hostnames;\n  default app;\n}', 'http://$backend$request_uri')}}\n`,
    ]) assert.deepEqual(lintText('app.conf', text, RULE), [], text);
  });

  it('has no fix (the allowed upstreams are the user\'s to name)', () => {
    const found = lintText('app.conf', server('  location / {\n    proxy_pass $arg_to;\n  }\n'), RULE);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });
});
