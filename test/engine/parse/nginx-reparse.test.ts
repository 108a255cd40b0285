import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNginx, type NginxDirective, type NginxFile } from '../../../server/src/engine/parse/nginx';
import { MemoryHost, Workspace, lintFile, mergeConfig } from '../../../server/src/engine';
import { nginxFile } from '../../../bench/generate';
import { fixtures, params, RUNS } from '../../property/support';

/** The tree as text (the `parent` links checked, not printed). */
function dump(tree: NginxFile): string {
  const visit = (ds: NginxDirective[], parent: NginxDirective | undefined): unknown[] => ds.map((d) => {
    assert.equal(d.parent, parent, `the parent of ${d.name} at ${d.span.start}`);
    const { block, ...rest } = d;
    return { ...rest, parent: undefined, ...(block ? { block: visit(block, d) } : {}) };
  });
  return JSON.stringify({ ...tree, directives: visit(tree.directives, undefined) });
}

/** Parses `after` from the tree of `before`; true when the tree was reused, which must then equal a full parse. */
function check(before: string, after: string): boolean {
  const prev = parseNginx(before);
  const top = prev.directives;
  const re = parseNginx(after, prev);
  assert.equal(dump(re), dump(parseNginx(after)), `reparse differs from a full parse:\n--- before\n${before}\n--- after\n${after}`);
  return re.directives === top;
}

const SITE = [
  'http {',
  '    server_tokens off;',
  '    # shared',
  '    server {',
  '        listen 443 ssl;',
  '        server_name a.example.com;',
  '        location / {',
  '            proxy_pass http://app:3000;',
  '        }',
  '        # api',
  '        location /api/ { return 404; }',
  '    }',
  '    server {',
  '        listen 80;',
  '        if ($scheme = http) { return 301 https://$host$request_uri; }',
  '    }',
  '}',
  '',
].join('\n');

const at = (text: string, marker: string, insert: string, del = 0) => {
  const i = text.indexOf(marker) + marker.length;
  return text.slice(0, i) + insert + text.slice(i + del);
};

describe('nginx reparse (an edit inside one block)', () => {
  it('reuses the tree for an edit inside a block, and gives the tree of a full parse', () => {
    assert.equal(check(SITE, at(SITE, 'server_name a.example.com', 'x')), true);
    assert.equal(check(SITE, at(SITE, 'server_name a.', '', 1)), true, 'deleting');
    assert.equal(check(SITE, at(SITE, 'proxy_pass http://app:3000;', '\n            proxy_set_header Host $host;')), true, 'a line added in a location');
    assert.equal(check(SITE, at(SITE, '# api', ' and more')), true, 'a comment');
    assert.equal(check(SITE, at(SITE, 'listen 80;', '\n        # new comment')), true, 'a new comment');
    assert.equal(check(SITE, at(SITE, 'server_tokens off;', '\n    server { listen 81; }')), true, 'a new block at the http level');
  });

  it('parses in full what it cannot prove equivalent', () => {
    const tight = SITE.replace('http {', 'http{');
    assert.equal(check(tight, at(tight, 'server_tokens off', 'x')), false, 'a `{` right after a word');
    assert.equal(check(SITE, at(SITE, 'server_name a.example.com', '')), false, 'no change');
    assert.equal(check(SITE, at(SITE, 'http {', 'x')), false, 'right after the `{`');
    assert.equal(check(SITE, at(SITE, 'server_name a.example.com;', '}')), false, 'a brace that closes the block early');
    assert.equal(check(SITE, at(SITE, 'server_name a.example.com', '', 1)), false, 'a `;` deleted (an error)');
    assert.equal(check(SITE, at(SITE, 'server_name a.example.com', ' "')), false, 'an unterminated quote');
    assert.equal(check(SITE, at(SITE, 'server_name a.example.com;', ' {{ x }}')), false, 'template tags');
    const broken = at(SITE, 'server_tokens off', '', 1);
    assert.equal(check(broken, at(broken, 'server_name a.example.com', 'x')), false, 'a previous tree with errors');
    assert.equal(check(SITE, `user nginx;\n${SITE}`), false, 'an edit outside any block');
  });

  it('does not reuse a tree twice', () => {
    const prev = parseNginx(SITE);
    const once = parseNginx(at(SITE, 'server_name a', 'x'), prev);
    assert.equal(once.directives, prev.directives);
    const again = parseNginx(at(SITE, 'server_name a', 'y'), prev);
    assert.notEqual(again.directives, prev.directives);
  });

  it('property: any sequence of small edits gives the tree of a full parse', function () {
    this.timeout(120_000);
    const files = [...fixtures('nginx').map((f) => f.text), SITE, nginxFile(200), nginxFile(120, { findingsEvery: 1 })];
    let reused = 0;
    let edits = 0;
    const edit = fc.tuple(
      fc.nat({ max: 1_000_003 }), fc.nat({ max: 4 }),
      fc.oneof(
        fc.array(fc.constantFrom('a', 'Z', '1', '_', '.', '/', ' ', ';'), { maxLength: 4 }),
        fc.array(fc.constantFrom('a', ' ', ';', '{', '}', '"', "'", '#', '\n', '\r\n', '\t', '$', '${', '\\', '(', ')', 'server', 'location / ', 'if', '~', '_by_lua_block'), { maxLength: 4 }),
      ),
    );
    fc.assert(fc.property(fc.nat({ max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (fi, seq) => {
      let text = files[fi];
      let tree = parseNginx(text);
      for (const [where, del, ins] of seq) {
        const i = where % (text.length + 1); // a uniform position (fc.double favours the ends)
        const next = text.slice(0, i) + ins.join('') + text.slice(i + del);
        const top = tree.directives;
        tree = parseNginx(next, tree);
        if (tree.directives === top && next !== text) reused++;
        edits++;
        assert.equal(dump(tree), dump(parseNginx(next)), `reparse differs from a full parse:\n--- before\n${text}\n--- after\n${next}`);
        text = next;
      }
    }), params(RUNS * 10));
    assert.ok(reused > edits / 4, `many edits reuse the tree (${reused} of ${edits})`);
  });

  it('property: typing in a large config lints as a fresh full lint of the same text', function () {
    this.timeout(120_000);
    const base = nginxFile(400, { findingsEvery: 2 });
    const config = mergeConfig();
    const path = '/b/nginx/nginx.conf';
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat({ max: 1_000_003 }), fc.nat({ max: 3 }), fc.constantFrom('x', '9', ' ', ';', '\n', '}', '{', 'add_header X-Frame-Options DENY;', 'listen 80;', '#')), { minLength: 1, maxLength: 6 }), (seq) => {
      const ws = new Workspace(new MemoryHost({}));
      let text = base;
      ws.setOpen(path, text);
      lintFile(ws, path, config);
      for (const [where, del, ins] of seq) {
        const i = where % (text.length + 1);
        text = text.slice(0, i) + ins + text.slice(i + del);
        ws.setOpen(path, text);
        const incremental = lintFile(ws, path, config);
        const fresh = lintFile(new Workspace(new MemoryHost({ [path]: text })), path, config);
        assert.equal(JSON.stringify(incremental), JSON.stringify(fresh));
      }
    }), params(RUNS));
  });
});
