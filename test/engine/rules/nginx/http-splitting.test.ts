import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/http-splitting';
const server = (body: string) => `server {\n  listen 80;\n${body}}\n`;

describe('nginx/http-splitting', () => {
  it('reports $uri / $document_uri in add_header, return, rewrite, proxy_set_header, proxy_pass (gixy add_header_uri, rewrite_uri, rewrite_uri_after_var, proxy_set_header_ducument_uri, proxy_pass_ducument_uri)', () => {
    const cases: [string, string][] = [
      ['  add_header X-Uri $uri;\n', '$uri'],
      ['  rewrite ^ http://some$uri;\n', 'http://some$uri'],
      ['  return 301 https://$host$uri;\n', 'https://$host$uri'],
      ['  proxy_set_header "X-Original-Uri" $document_uri;\n', '$document_uri'],
      ['  proxy_pass http://upstream$document_uri;\n', 'http://upstream$document_uri'],
      // A bare URL in return redirects too (Gixy-Next return_url_no_code).
      ['  return http://example.com$uri;\n', 'http://example.com$uri'],
    ];
    for (const [body, value] of cases) assertRanges(lintText('app.conf', server(body), RULE), RULE, [spanOf(server(body), value)]);
    assert.deepEqual(spanOf(server(cases[0][0]), '$uri'), '3:20-3:24');
  });

  it('reports captures that can hold a newline, directly or through set (gixy proxy_from_location_var*, proxy_pass_lf)', () => {
    const loc = (re: string, body: string) => server(`  location ~ ${re} {\n${body}  }\n`);
    const check = (text: string, value: string, nth = 0) => assertRanges(lintText('app.conf', text, RULE), RULE, [spanOf(text, value, nth)]);
    check(loc('/proxy/(a|b)/(\\W*)$', '    proxy_pass http://storage/$2;\n'), 'http://storage/$2');
    check(loc('/proxy/(a|b)/(\\W*)$', '    set $p $2;\n    proxy_pass http://storage/$p;\n'), 'http://storage/$p');
    check(loc('/proxy/(a|b)/(?<p>\\W*)$', '    set $upstream "http://$1/$p?";\n    proxy_pass $upstream;\n'), '$upstream', 1);
    check(loc('^/test/([^/]+)/', '    proxy_pass http://10.10.10.10/$1;\n'), 'http://10.10.10.10/$1');
  });

  it('accepts safe values (gixy *_fp cases and Gixy-Next return bodies)', () => {
    const loc = (re: string, body: string) => server(`  location ~ ${re} {\n${body}  }\n`);
    for (const text of [
      loc('/proxy/(a|b)/(\\W*)$', '    proxy_pass http://storage/$some;\n'), // dont_report_not_resolved_var_fp
      loc('/proxy/(a|b)/(\\W*)$', '    set $p $1;\n    proxy_pass http://storage/$p;\n'), // proxy_from_location_var_var_fp
      loc('^/test/(.*)', '    proxy_pass http://10.10.10.10/$1;\n'), // proxy_pass_cr_fp: "." has no \n, \r alone is harmless upstream
      server('  return 403;\n'), // return_403_fp
      server('  return 301 https://some$request_uri;\n'), // return_request_uri_fp
      server('  rewrite ^/proxy/(a|b)/(?<path>\\W*)$ http://storage/$path redirect;\n'), // rewrite_extract_fp
      server('  location /health {\n    return 200 "ok $uri";\n  }\n'), // return_body_text_fp
      server('  return 404 /errors$uri;\n'), // return_error_body_fp
      server('  location / {\n    if ($request_uri ~ ^/(.*)\\.html$) {\n      return 302 /$1;\n    }\n  }\n'), // $request_uri is still encoded
    ]) assert.deepEqual(lintText('app.conf', text, RULE), [], text);
  });

  it('follows map results: a decoded $uri passed through a map still carries its line breaks', () => {
    const text = 'map $request_method $page {\n  default $uri;\n  HEAD /;\n}\n' + server('  add_header X-Page $page;\n');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, '$page', 1)]);
    assert.match(found[0].message, /\$page \(mapped from \$uri\)/);
    assert.deepEqual(found[0].fixes, [], 'only a direct $uri gets the $request_uri fix');
    const literal = 'map $request_method $page {\n  default /index;\n  HEAD /;\n}\n' + server('  add_header X-Page $page;\n');
    assert.deepEqual(lintText('app.conf', literal, RULE), []);
  });

  it('fixes: $uri$is_args$args -> $request_uri in a redirect', () => {
    const fixed = checkFix({ 'app.conf': server('  return 301 https://$host$uri$is_args$args;\n') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], server('  return 301 https://$host$request_uri;\n'));
  });

  it('fixes: rewrite gets $request_uri and a final "?" so arguments are not appended twice', () => {
    const fixed = checkFix({ 'app.conf': server('  rewrite ^ http://some$uri permanent;\n') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], server('  rewrite ^ http://some$request_uri? permanent;\n'));
  });

  it('offers no fix for a capture', () => {
    const found = lintText('app.conf', server('  location ~ ^/x/([^/]+) {\n    add_header X-Id $1;\n  }\n'), RULE);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });
});
