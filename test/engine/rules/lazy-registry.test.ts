import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// A fresh process pays only for the rules of the files it lints (engine/rules/index.ts): linting a
// compose file must not load a single nginx or .env rule module.
describe('rules: each language\'s rules load on first use', () => {
  function loadedRuleFolders(file: string, text: string): string[] {
    const engine = JSON.stringify(path.resolve('server/src/engine'));
    const script = `
      const e = require(${engine});
      const host = new e.MemoryHost({ ${JSON.stringify(file)}: ${JSON.stringify(text)} });
      const findings = e.lintFiles(new e.Workspace(host), [${JSON.stringify(file)}], e.mergeConfig());
      const folders = new Set(Object.keys(require.cache).map((f) => /engine[\\\\/]rules[\\\\/](compose|nginx|env)[\\\\/][^\\\\/]+$/.exec(f)?.[1]).filter(Boolean));
      process.stdout.write(JSON.stringify({ findings: findings.length, folders: [...folders].sort() }));`;
    const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: number; folders: string[] };
    assert.ok(out.findings > 0, 'the file was linted');
    return out.folders;
  }

  it('a compose file loads the compose rules only', function () {
    this.timeout(60_000);
    assert.deepEqual(loadedRuleFolders('/p/docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n'), ['compose']);
  });

  it('an nginx file loads the nginx rules only', function () {
    this.timeout(60_000);
    assert.deepEqual(loadedRuleFolders('/p/nginx/site.conf', 'server {\n    listen 80;\n    server_name example.com;\n}\n'), ['nginx']);
  });
});
