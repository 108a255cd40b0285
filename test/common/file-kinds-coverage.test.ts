import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { kindOf } from '../../common/file-kinds';
import { DOCUMENT_SELECTOR } from '../../client/src/selector';
import { WATCHED } from '../../server/src/service/capabilities';

const ROOT = path.resolve(__dirname, '../..');

/** Names the engine lints by name alone, including the templates that are easy to miss. */
const NAMED = [
  'docker-compose.yml', 'docker-compose.prod.yaml', 'compose.yaml', 'compose.override.yml', 'app.compose.yml', 'docker-compose.yml.j2',
  'docker-compose.yml.dist', 'docker-compose.yml.example', '.env', '.env.production', '.env.production.local', '.env.example', 'deploy.env',
  'env.example', 'env.sample', 'env.template', 'env.dist', 'env.defaults', 'app.env.example', 'db.env.dist', 'x.env.tmpl', 'x.env.tpl',
  'nginx.conf', 'nginx.conf.j2', 'nginx.conf.template', 'site.nginx', 'default.conf.template', 'nginx/app.conf',
  'conf.d/default.conf', 'sites-enabled/app.conf', 'sites-available/site.conf', 'snippets/ssl.conf',
].map((n) => `/w/${n}`);

/** Every file of the repository's examples and fixtures the engine classifies by its name. */
function repoFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== '.git') walk(p); } else out.push(p.split(path.sep).join('/'));
    }
  };
  for (const d of ['examples', 'test/fixtures', 'test/stacks']) if (fs.existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d));
  return out;
}

describe('file kinds table: the engine, the client selector and the server watcher agree', () => {
  const selector = DOCUMENT_SELECTOR.filter((f) => f.pattern && !f.language).map((f) => picomatch(f.pattern!, { dot: true }));
  const watcher = WATCHED.map((g) => picomatch(g, { dot: true }));
  const lintable = [...NAMED, ...repoFiles()].filter((p) => kindOf(p) !== undefined);

  it('finds names to check', () => {
    assert.ok(lintable.length > NAMED.length, `${lintable.length} names`);
    for (const p of NAMED) assert.ok(kindOf(p), `the engine lints ${p} by name`);
  });

  it('sends every file the engine lints by name to the server, whatever language the editor gave it', () => {
    for (const p of lintable) assert.ok(selector.some((m) => m(p)), p);
  });

  it('watches every file the engine lints by name', () => {
    for (const p of lintable) assert.ok(watcher.some((m) => m(p)), p);
  });
});
