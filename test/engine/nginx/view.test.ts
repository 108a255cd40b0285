import * as assert from 'node:assert/strict';
import { buildConfig, hasIncludes, nodesNamed, viewNodesNamed } from '../../../server/src/engine/nginx/view';
import { childrenNamed, findAll, findBlocks, lastChild, someNode, walk, walkBlocks, type ConfNode } from '../../../server/src/engine/nginx/tree';
import { abs, workspace } from '../../support/lint';
import { conf } from './helpers';

const at = (ns: readonly ConfNode[]) => ns.map((n) => `${n.name}@${n.d.span.start}`);

describe('nginx config view: directives by name', () => {
  it('lists the directives of several names in document order, in one file and in an included one', () => {
    const files = {
      'nginx/nginx.conf': conf('http {', '  add_header A 1;', '  include site.conf;', '  server {', '    return 301 https://$host;', '    add_header B 2;', '  }', '}'),
      'nginx/site.conf': conf('server {', '  add_header C 3;', '  location / { proxy_pass http://a; add_header D 4; }', '}'),
    };
    const cfg = buildConfig(workspace(files), abs('nginx/nginx.conf'));
    const expected = (file: string) => at(findAll(cfg.nodes, (n) => n.file === file && ['add_header', 'return', 'proxy_pass'].includes(n.name)).sort((a, b) => a.d.span.start - b.d.span.start));
    for (const file of [abs('nginx/nginx.conf'), abs('nginx/site.conf')]) {
      assert.deepEqual(at(nodesNamed(cfg, file, 'add_header', 'return', 'proxy_pass')), expected(file));
      assert.deepEqual(at(nodesNamed(cfg, file, 'proxy_pass', 'return', 'add_header')), expected(file));
    }
    assert.deepEqual(viewNodesNamed(cfg, 'add_header').map((n) => n.args[0].value), ['A', 'C', 'D', 'B']);
    assert.equal(hasIncludes(cfg), true);
  });

  it('counts the directives of a file included twice once', () => {
    const files = {
      'nginx/nginx.conf': conf('server {', '  include h.conf;', '}', 'server {', '  include h.conf;', '}'),
      'nginx/h.conf': conf('add_header X 1;', 'add_header Y 2;'),
    };
    const cfg = buildConfig(workspace(files), abs('nginx/nginx.conf'));
    assert.equal(findAll(cfg.nodes, (n) => n.name === 'add_header').length, 4);
    assert.deepEqual(nodesNamed(cfg, abs('nginx/h.conf'), 'add_header').map((n) => n.args[0].value), ['X', 'Y']);
    assert.deepEqual(nodesNamed(cfg, abs('nginx/h.conf'), 'add_header', 'return').map((n) => n.parent), [cfg.nodes[0], cfg.nodes[0]]);
  });

  it('orders an nginx -T dump by offset when a section includes a later one', () => {
    const text = conf(
      '# configuration file /etc/nginx/nginx.conf:', 'http {', '  include conf.d/*.conf;', '  add_header A 1;', '}',
      '# configuration file /etc/nginx/conf.d/a.conf:', 'server { add_header B 2; return 404; }',
    );
    const cfg = buildConfig(workspace({ 'dump.conf': text }), abs('dump.conf'));
    // In the view, the included section comes before `add_header A`; in the file, after it.
    assert.deepEqual(viewNodesNamed(cfg, 'add_header').map((n) => n.args[0].value), ['B', 'A']);
    assert.deepEqual(nodesNamed(cfg, abs('dump.conf'), 'return', 'add_header').map((n) => n.args[0].value), ['A', 'B', '404']);
  });

  it('finds children the same way in small blocks (searched) and large ones (indexed)', () => {
    for (const size of [3, 24, 25, 60]) {
      const body = Array.from({ length: size }, (_, i) => (i % 3 ? `  set $v${i} ${i};` : `  add_header H${i} ${i};`));
      const cfg = buildConfig(workspace({ 'app.conf': conf('server {', ...body, '}') }), abs('app.conf'));
      const server = cfg.nodes[0];
      const kids = server.children ?? [];
      assert.deepEqual(childrenNamed(server, 'add_header'), kids.filter((c) => c.name === 'add_header'), `size ${size}`);
      assert.deepEqual(childrenNamed(server, 'listen'), []);
      assert.equal(lastChild(server, 'set'), kids.filter((c) => c.name === 'set').pop(), `size ${size}`);
      assert.equal(lastChild(undefined, 'server', cfg.nodes), server);
    }
  });

  it('walks the blocks in the order walk visits them, and finds in blocks and below as findAll does', () => {
    const files = {
      'nginx/nginx.conf': conf('http {', '  root /a;', '  include site.conf;', '  server {', '    location / { if ($x) { return 403; } }', '    location /b { root /b; }', '  }', '}'),
      'nginx/site.conf': conf('server {', '  location ~ \\.php$ { fastcgi_pass php; }', '  location /c { }', '}'),
    };
    const cfg = buildConfig(workspace(files), abs('nginx/nginx.conf'));
    const walked: ConfNode[] = [];
    walk(cfg.nodes, (n) => { if (n.children) walked.push(n); });
    const blocks: ConfNode[] = [];
    walkBlocks(cfg.nodes, (n) => { blocks.push(n); });
    assert.deepEqual(at(blocks), at(walked));
    assert.ok(blocks.length >= 7);
    const isLocation = (n: ConfNode) => n.name === 'location';
    assert.deepEqual(at(findBlocks(cfg.nodes, isLocation)), at(findAll(cfg.nodes, (n) => isLocation(n) && !!n.children)));
    for (const name of ['root', 'return', 'fastcgi_pass', 'listen', 'location', 'if']) {
      assert.equal(someNode(cfg.nodes, (n) => n.name === name), findAll(cfg.nodes, (n) => n.name === name).length > 0, name);
    }
  });
});
