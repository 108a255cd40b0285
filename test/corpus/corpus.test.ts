import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeHost, enginePath } from '../../server/src/node/host';
import { run as runCli } from '../../server/src/cli/main';
import { LspClient } from '../service/harness';
import { Workspace, lintFile, mergeConfig, fixAll, languageOf, type Finding, type Language } from '../../server/src/engine';

/**
 * Lints every real file of ../shared/corpus (read-only; never copied into the repo):
 * no rule may throw, every range lies inside its document, and every safe fix re-lints.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

interface Entry { file: string; kind: string }

function entries(): Entry[] {
  const manifest = path.join(CORPUS, 'MANIFEST.tsv');
  if (!fs.existsSync(manifest)) return [];
  const [head, ...rows] = fs.readFileSync(manifest, 'utf8').trim().split('\n');
  const cols = head.split('\t');
  return rows.map((r) => {
    const v = r.split('\t');
    const get = (n: string) => v[cols.indexOf(n)];
    return { file: path.join(CORPUS, get('repo').replace('/', '+'), get('path')), kind: get('kind') };
  }).filter((e) => fs.existsSync(e.file));
}

function languageFor(e: Entry, p: string, text: string): Language {
  return languageOf(p, text) ?? (e.kind === 'env-template' ? 'env' : (e.kind as Language));
}

function assertInside(f: Finding, ws: Workspace): void {
  for (const [file, r] of [[f.file, f.range] as const, ...(f.related ?? []).map((x) => [x.file, x.range] as const)]) {
    const doc = ws.document(file);
    assert.ok(doc, `${f.rule}: range in a file that does not exist: ${file}`);
    const lines = doc.lines;
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.lineCount, `${f.rule}: line ${p.line} outside ${file}`);
      assert.ok(p.character >= 0 && p.character <= lines.lineText(p.line).length, `${f.rule}: column ${p.character} outside line ${p.line} of ${file}`);
    }
  }
}

describe('corpus: every real file of ../shared/corpus', function () {
  const list = entries();
  if (!list.length) {
    it('is not present on this machine (skipped)', function () { this.skip(); });
    return;
  }
  const config = mergeConfig();
  const counts = new Map<string, number>();

  it(`lints ${list.length} files without a rule error and with every range inside its document`, () => {
    const errors: string[] = [];
    const ws = new Workspace(new NodeHost());
    for (const e of list) {
      const p = enginePath(e.file);
      const text = ws.readFile(p) ?? '';
      const found = lintFile(ws, p, config, {
        language: languageFor(e, p, text),
        onRuleError: (id, _f, err) => errors.push(`${id} on ${path.relative(CORPUS, e.file)}: ${(err as Error).message}`),
      });
      for (const f of found) {
        assertInside(f, ws);
        counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
      }
    }
    assert.deepEqual(errors, []);
  });

  it('applies every safe fix to every file; the result lints again without rule errors', () => {
    const errors: string[] = [];
    for (const e of list) {
      const p = enginePath(e.file);
      const ws = new Workspace(new NodeHost());
      const language = languageFor(e, p, ws.readFile(p) ?? '');
      const onRuleError = (id: string, _f: string, err: unknown) => errors.push(`${id} on ${path.relative(CORPUS, e.file)}: ${(err as Error).message}`);
      // In memory only: fixAll keeps changed files as open documents, nothing is written.
      const result = fixAll(ws, [p], config, { language, onRuleError, unsafe: true });
      for (const f of result.remaining) assertInside(f, ws);
    }
    assert.deepEqual(errors, []);
  });

  it('lints every file through the CLI: no crash, no rule error, exit 0 or 1', () => {
    let out = '', err = '';
    const code = runCli([...list.map((e) => e.file), '--format', 'json', '--fail-on', 'error'], (x) => { out += x; }, (x) => { err += x; });
    assert.ok(code === 0 || code === 1, `exit ${code}: ${err.slice(0, 2000)}`);
    assert.equal(err, '', 'no rule error on stderr');
    const json = JSON.parse(out) as { files: string[]; findings: { line: number; column: number }[] };
    // Files the CLI does not recognise by name are linted above with the manifest's kind; the CLI sees the rest.
    assert.ok(json.files.length > list.length / 2, `the CLI linted ${json.files.length} of ${list.length} files`);
    for (const f of json.findings) assert.ok(f.line >= 1 && f.column >= 1);
  });

  it('lints every file through the server (dist/server.js over stdio): diagnostics for each, ranges inside, nothing logged as failed', async function () {
    this.timeout(600_000);
    const client = await LspClient.start({ initializationOptions: { debounceMs: 0 } });
    const logged: string[] = [];
    client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => { if (p.type <= 2) logged.push(p.message); });
    const LANGUAGE_ID: Record<Language, string> = { compose: 'dockercompose', nginx: 'nginx', env: 'dotenv' };
    try {
      for (const e of list) {
        const text = fs.readFileSync(e.file, 'utf8');
        const uri = pathToFileURL(e.file).href;
        client.open(uri, LANGUAGE_ID[languageFor(e, enginePath(e.file), text)], text);
        const diags = await client.diagnosticsFor(uri).catch((err: Error) => { throw new Error(`${path.relative(CORPUS, e.file)}: ${err.message}`); });
        const lines = text.split(/\r\n|\r|\n/);
        for (const d of diags) {
          for (const p of [d.range.start, d.range.end]) {
            assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length,
              `${path.relative(CORPUS, e.file)}: ${String(d.code)} range ${JSON.stringify(d.range)} outside the document`);
          }
        }
        client.close(uri);
      }
      assert.equal(client.child.exitCode, null, 'the server is still running');
      assert.deepEqual(logged, [], 'no error or warning logged by the server');
    } finally {
      await client.stop();
    }
  });

  after(() => {
    const rows = [...counts].sort((a, b) => b[1] - a[1]).map(([r, n]) => `    ${String(n).padStart(5)}  ${r}`);
    if (rows.length) console.log('  findings per rule over the corpus:\n' + rows.join('\n'));
  });
});
