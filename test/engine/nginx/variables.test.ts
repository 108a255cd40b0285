import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildConfig } from '../../../server/src/engine/nginx/view';
import { analyse, varRefs } from '../../../server/src/engine/nginx/variables';
import { findAll } from '../../../server/src/engine/nginx/tree';
import { abs, workspace } from '../../support/lint';
import { conf } from './helpers';

/** What the variable model says of argument `arg` of the first `name` directive of `files[root]`. */
function varsOf(files: Record<string, string>, root: string, name: string, arg = 0) {
  const cfg = buildConfig(workspace(files), abs(root));
  const n = findAll(cfg.nodes, (x) => x.name === name)[0];
  assert.ok(n, `no ${name} in the fixture`);
  return analyse(n, n.args[arg].value).map((v) => ({ name: v.name, request: v.request, slashFirst: v.slashFirst, newline: v.newline, roots: v.roots }));
}

describe('nginx variable model: map and geo results', () => {
  it('finds a map at the top level of a fragment, defined after the server that uses it', () => {
    const text = conf(
      'server {',
      '  location / { proxy_pass http://$backend; }',
      '}',
      'map $arg_to $backend {',
      '  default $arg_to;',
      '  a app;',
      '}',
    );
    assert.deepEqual(varsOf({ 'nginx/app.conf': text }, 'nginx/app.conf', 'proxy_pass'), [
      { name: 'backend', request: true, slashFirst: false, newline: false, roots: ['arg_to'] },
    ]);
  });

  it('finds a map in the enclosing http block and in a file included at the http level', () => {
    const files = {
      'nginx/nginx.conf': conf('events {}', 'http {', '  include maps.conf;', '  server {', '    location / { add_header X-P $page; }', '  }', '}'),
      'nginx/maps.conf': conf('map $request_method $page {', '  default $document_uri;', '}'),
    };
    assert.deepEqual(varsOf(files, 'nginx/nginx.conf', 'add_header', 1), [
      { name: 'page', request: true, slashFirst: true, newline: true, roots: ['document_uri'] },
    ]);
  });

  it('starts with "/" only when every value does, the default included (an absent default is empty)', () => {
    const with_ = (block: string) => varsOf({ 'app.conf': conf(block, 'server {', '  location / { proxy_pass http://$v; }', '}') }, 'app.conf', 'proxy_pass')[0].slashFirst;
    assert.equal(with_('map $arg_a $v {\n  default /d/;\n  x /x/;\n}'), true);
    assert.equal(with_('map $arg_a $v {\n  x /x/;\n}'), false);
    assert.equal(with_('map $arg_a $v {\n  default /d/;\n  x y;\n}'), false);
    assert.equal(with_('map $arg_a $v {\n  volatile;\n  default $request_uri;\n}'), true);
    // geo parameters are not values; geo values are literal text, never variables.
    assert.equal(with_('geo $v {\n  proxy 10.0.0.1;\n  default /d/;\n  delete 10.0.0.0/8;\n}'), true);
    const geo = varsOf({ 'app.conf': conf('geo $v {\n  default $arg_x;\n}', 'server {', '  location / { proxy_pass http://$v; }', '}') }, 'app.conf', 'proxy_pass')[0];
    assert.deepEqual([geo.request, geo.slashFirst], [false, false]);
  });

  it('lets a set in the location win over a map of the same name', () => {
    const text = conf('map $arg_to $t {', '  default $arg_to;', '}', 'server {', '  location / {', '    set $t app;', '    proxy_pass http://$t;', '  }', '}');
    assert.equal(varsOf({ 'app.conf': text }, 'app.conf', 'proxy_pass')[0].request, false);
  });
});

describe('nginx variable model: references and scopes', () => {
  it('reads $name, ${name} and $1 like /\\$(?:\\{(\\w+)\\}|([A-Za-z_]\\w*|[0-9]))/g', () => {
    const re = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z_][A-Za-z0-9_]*|[0-9]))/g;
    const expected = (s: string) => [...s.matchAll(re)].map((m) => ({ name: (m[1] ?? m[2]).toLowerCase(), start: m.index, end: m.index + m[0].length }));
    fc.assert(fc.property(fc.array(fc.constantFrom('$', '{', '}', 'a', 'Z', '_', '0', '9', '${', '$1', '-', ' ', '/', 'é'), { maxLength: 24 }), (parts) => {
      const s = parts.join('');
      assert.deepEqual(varRefs(s), expected(s));
    }), { numRuns: 2000 });
  });

  it('gives a block with no set, map or regex in scope the same answers as one that has them elsewhere', () => {
    // The first server is plain (its answers skip the search); the second defines $t: both read from the same view.
    const text = conf(
      'server {', '  location / { proxy_pass http://$t$uri; }', '}',
      'server {', '  set $t $arg_t;', '  location ~ ^/(.*)$ { proxy_pass http://$t/$1; }', '}',
    );
    const cfg = buildConfig(workspace({ 'app.conf': text }), abs('app.conf'));
    const [plain, defined] = findAll(cfg.nodes, (x) => x.name === 'proxy_pass');
    assert.deepEqual(analyse(plain, plain.args[0].value).map((v) => [v.name, v.request, v.newline]), [['t', false, false], ['uri', true, true]]);
    assert.deepEqual(analyse(defined, defined.args[0].value).map((v) => [v.name, v.request, v.newline]), [['t', true, false], ['1', true, false]]);
  });

  it('answers the same script by its scope: a plain block\'s shared answer never reaches a block that defines a name', () => {
    const text = conf(
      'server {', '  location / { proxy_pass http://$t$uri; }', '}',
      'server {', '  set $t $arg_t;', '  location / { proxy_pass http://$t$uri; }', '}',
      'server {', '  location /b { proxy_pass http://$t$uri; }', '}',
    );
    const cfg = buildConfig(workspace({ 'app.conf': text }), abs('app.conf'));
    const [first, defined, last] = findAll(cfg.nodes, (x) => x.name === 'proxy_pass');
    const ask = (n: typeof first) => analyse(n, n.args[0].value).map((v) => [v.name, v.request, v.newline, v.start, v.end, v.label, v.roots]);
    const plainAnswer = [['t', false, false, 7, 9, '$t', []], ['uri', true, true, 9, 13, '$uri', ['uri']]];
    assert.deepEqual(ask(first), plainAnswer);
    assert.deepEqual(ask(defined), [['t', true, false, 7, 9, '$t (set from $arg_t)', ['arg_t']], ['uri', true, true, 9, 13, '$uri', ['uri']]]);
    assert.deepEqual(ask(last), plainAnswer);
    assert.deepEqual(ask(first), plainAnswer);
  });
});
