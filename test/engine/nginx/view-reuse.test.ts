import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryHost, Workspace, lintFile, mergeConfig } from '../../../server/src/engine';
import { configOf, type NginxConfig } from '../../../server/src/engine/nginx/view';
import { walk, type ConfNode } from '../../../server/src/engine/nginx/tree';
import { nginxFile } from '../../../bench/generate';
import { params, RUNS } from '../../property/support';

const PATH = '/w/nginx/nginx.conf';

/** Servers that read variables (map, set, regex captures) and set headers at several levels. */
const VARS = [
  'http {',
  '    map $http_x_dest $dest { default app; ~^(?<n>[a-z]+)$ $n; }',
  '    set $base /srv;',
  '    add_header X-Frame-Options DENY always;',
  '    server {',
  '        listen 80;',
  '        server_name a.example.com;',
  '        location ~ ^/u/(.*)$ { return 302 https://$host/$1; }',
  '        location / { proxy_pass http://$dest; }',
  '    }',
  '    server {',
  '        listen 443 ssl;',
  '        server_name b.example.com;',
  '        ssl_certificate /c.pem;',
  '        ssl_certificate_key /c.key;',
  '        set $p $arg_p;',
  '        add_header Strict-Transport-Security "max-age=100";',
  '        location /x { add_header X-A 1; proxy_pass http://app/$p; }',
  '        location /y { root $base; if ($uri ~ "(.*)") { return 301 $1; } }',
  '    }',
  '    server { listen 8080; location / { return 200 "$http_host"; } }',
  '}',
  '',
].join('\n');

/** The view as text: each node's directive, file and parent (by position in the walk). */
function dump(cfg: NginxConfig): string {
  const order = new Map<ConfNode, number>();
  const out: unknown[] = [];
  walk(cfg.nodes, (n) => {
    order.set(n, order.size);
    out.push([n.name, n.file, n.d.span.start, n.d.span.end, n.args.map((a) => a.raw), n.parent ? order.get(n.parent) : -1, n.children?.length ?? -1]);
  });
  return JSON.stringify({ out, files: cfg.files, context: cfg.context });
}

const at = (text: string, marker: string, insert: string) => {
  const i = text.indexOf(marker) + marker.length;
  return text.slice(0, i) + insert + text.slice(i);
};

describe('nginx view reuse (a keystroke inside one server)', () => {
  it('keeps the nodes of the other servers and gives the view a full build gives', () => {
    const ws = new Workspace(new MemoryHost({}));
    ws.setOpen(PATH, VARS);
    const before = configOf(ws, PATH);
    const keptServer = before.nodes[0].children!.find((n) => n.name === 'server' && n.args.length === 0 && n.children!.some((c) => c.name === 'ssl_certificate'))!;
    const edited = at(VARS, 'server_name a.example', 'x');
    ws.setOpen(PATH, edited);
    const after = configOf(ws, PATH);
    assert.ok(after.nodes[0].children!.includes(keptServer), 'the other servers keep their nodes');
    assert.equal(keptServer.parent, after.nodes[0], 'under the new http node');
    assert.equal(dump(after), dump(configOf(new Workspace(new MemoryHost({ [PATH]: edited })), PATH)));
  });

  it('builds the whole view for an edit outside a server', () => {
    const ws = new Workspace(new MemoryHost({}));
    ws.setOpen(PATH, VARS);
    const before = configOf(ws, PATH);
    ws.setOpen(PATH, at(VARS, 'set $base /srv', 'x'));
    const after = configOf(ws, PATH);
    assert.ok(!after.nodes[0].children!.some((n) => before.nodes[0].children!.includes(n)));
  });

  it('property: views and findings while typing equal a fresh build and a full lint', function () {
    this.timeout(120_000);
    const config = mergeConfig();
    const bases = [VARS, nginxFile(150, { findingsEvery: 3 })];
    const edit = fc.tuple(fc.nat({ max: 1_000_003 }), fc.nat({ max: 3 }), fc.constantFrom(
      'x', '9', ' ', ';', '$', '\n', '}', '{', 'set $dest /a;', 'map $a $b { default c; }', 'location ~ (a) { return 302 $1; }',
      'add_header X-Frame-Options DENY;', 'listen 443 ssl;', 'listen 80 default_server;', 'include x.conf;', '#', 'proxy_pass http://$dest;',
    ));
    let kept = 0, edits = 0;
    fc.assert(fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (b, seq) => {
      const ws = new Workspace(new MemoryHost({}));
      let text = bases[b];
      ws.setOpen(PATH, text);
      lintFile(ws, PATH, config);
      for (const [where, del, ins] of seq) {
        const i = where % (text.length + 1);
        text = text.slice(0, i) + ins + text.slice(i + del);
        const previous = new Set<ConfNode>();
        walk(configOf(ws, PATH).nodes, (n) => { previous.add(n); });
        ws.setOpen(PATH, text);
        const findings = lintFile(ws, PATH, config);
        const view = configOf(ws, PATH);
        let same = false;
        walk(view.nodes, (n) => { same ||= previous.has(n); });
        if (same) kept++;
        edits++;
        const fresh = new Workspace(new MemoryHost({ [PATH]: text }));
        assert.equal(dump(view), dump(configOf(fresh, PATH)));
        assert.equal(JSON.stringify(findings), JSON.stringify(lintFile(fresh, PATH, config)), `after typing ${JSON.stringify(ins)} at ${i}`);
      }
    }), params(RUNS * 2));
    assert.ok(kept > edits / 5, `many edits keep nodes (${kept} of ${edits})`);
  });
});
