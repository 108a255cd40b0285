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

  describe('severity follows what trusts the value (ARCHITECTURE.md, Precision)', () => {
    // Two servers on port 80: the catch-all is the default, so the named one only gets its own host.
    const named = (body: string) => 'server {\n    listen 80 default_server;\n    server_name _;\n    return 444;\n}\n'
      + `server {\n    listen 80;\n    server_name app.example.com;\n${body}}\n`;
    const catchAll = (body: string) => `server {\n    listen 80 default_server;\n    server_name _;\n${body}}\n`;
    const proxied = '    location / {\n        proxy_set_header Host $http_host;\n        proxy_pass http://app:3000;\n    }\n';

    it('Host upstream from $http_host is info: nginx cannot see whether the app trusts it; the message says what differs', () => {
      const found = lintText('app.conf', named(proxied), RULE);
      assertRanges(found, RULE, ['10:31-10:41']);
      assert.equal(found[0].severity, 'info');
      assert.match(found[0].message, /raw one the client sent \(\$http_host\), which can name another host than the one nginx routed on/);
      assert.equal(found[0].fixes.length, 1);
    });

    it('on a server that answers any host (default, server_name _, or the only server of its port) $host is no better: info, no fix', () => {
      for (const text of [catchAll(proxied), `server {\n    listen 80;\n    server_name app.example.com;\n${proxied}}\n`]) {
        const found = lintText('app.conf', text, RULE);
        assert.equal(found.length, 1, text);
        assert.equal(found[0].severity, 'info');
        assert.match(found[0].message, /answers any host name, so \$host is the client's choice as well/);
        assert.deepEqual(found[0].fixes, []);
      }
    });

    it('a redirect nginx sends to the raw Host of a named server: warning, at the target; fixed to $host', () => {
      const text = named('    return 301 https://$http_host$request_uri;\n');
      const found = lintText('app.conf', text, RULE);
      assertRanges(found, RULE, ['9:16-9:46']);
      assert.equal(found[0].severity, 'warning');
      const fixed = checkFix({ 'app.conf': text }, 'app.conf', RULE, { reparse });
      assert.equal(fixed['app.conf'], named('    return 301 https://$host$request_uri;\n'));
    });

    it('a redirect to a host from an argument is a warning on any server; the raw Host on a catch-all is info', () => {
      const open = lintText('app.conf', catchAll('    location /go { return 302 https://$arg_to/; }\n'), RULE);
      assert.equal(open.length, 1);
      assert.equal(open[0].severity, 'warning');
      const raw = lintText('app.conf', catchAll('    return 301 https://$http_host$request_uri;\n'), RULE);
      assert.equal(raw.length, 1);
      assert.equal(raw[0].severity, 'info');
      const loc = lintText('app.conf', named('    location /old { add_header Location "https://$http_x_forwarded_host/new"; return 302; }\n'), RULE);
      assert.equal(loc.length, 1);
      assert.equal(loc[0].severity, 'warning');
    });

    it('in a fragment for a server we do not see, the raw Host in a redirect is info; with its own server_name _ it is a catch-all', () => {
      const unknown = lintText('meet.conf', 'root /srv;\nlocation = /viz {\n    return 301 $scheme://$http_host$request_uri/;\n}\n', RULE);
      assertRanges(unknown, RULE, ['3:16-3:49']);
      assert.equal(unknown[0].severity, 'info');
      const any = lintText('meet.conf', 'server_name _;\nlocation / {\n    proxy_set_header Host $http_host;\n    proxy_pass http://app;\n}\n', RULE);
      assert.equal(any.length, 1);
      assert.match(any[0].message, /answers any host name/);
      assert.deepEqual(any[0].fixes, []);
    });

    it('redirects to $host, to a fixed host, or with request data only in the path are not reported', () => {
      for (const body of ['    return 301 https://$host$request_uri;\n', '    return 301 https://example.com/$http_host;\n', '    return 302 /login?next=$arg_next;\n', '    rewrite ^/old/(.*)$ /new/$1 permanent;\n']) {
        assert.deepEqual(lintText('app.conf', named(body), RULE), [], body);
      }
    });
  });

  it('fixes: $http_host -> $host', () => {
    const fixed = checkFix({ 'app.conf': loc('proxy_set_header Host $http_host;') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], loc('proxy_set_header Host $host;'));
  });
});
