import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryHost, Workspace, lintFile, mergeConfig, MAX_FILE_BYTES, type Language } from '../../server/src/engine';
import { run } from '../../server/src/cli/main';
import { composeFile, envFile, nginxFile } from '../../bench/generate';
import { checkLint, checkParser } from '../property/support';

/**
 * Inputs that must not take the linter down (ARCHITECTURE.md, Editor, §9): oversized and binary files are skipped
 * with one info finding; pathological files finish (completion is asserted, not time: timeouts are
 * generous) without a thrown error, a rule error, or a range outside the document.
 */
describe('guards: oversized and binary files are skipped with one info finding', () => {
  const big = 'x'.repeat(MAX_FILE_BYTES + 1);
  const cases: [Language, string, string][] = [
    ['compose', '/ws/docker-compose.yml', `services:\n  app:\n    image: postgres\n    ports: ["5432:5432"]\n# ${big}\n`],
    ['nginx', '/ws/nginx.conf', `server { listen 80; }\n# ${big}\n`],
    ['env', '/ws/.env', `DB_PASSWORD=changeme\n# ${big}\n`],
    ['compose', '/ws/docker-compose.yml', 'services:\n  app:\n    image: postgres\n    ports: ["5432:5432"]\x00\n'],
    ['nginx', '/ws/nginx.conf', 'server {\n  listen 80;\x00\n}\n'],
    ['env', '/ws/.env', 'DB_PASSWORD=changeme\n\x00\x01\x02'],
  ];
  for (const [language, file, text] of cases) {
    const why = text.includes('\0') ? 'NUL bytes' : 'over 5 MB';
    it(`engine: ${language} with ${why}`, () => {
      const ws = new Workspace(new MemoryHost({ [file]: text }));
      const found = lintFile(ws, file, mergeConfig(), { onRuleError: (id) => assert.fail(`${id} threw`) });
      assert.equal(found.length, 1);
      assert.equal(found[0].rule, `${language}/syntax`);
      assert.equal(found[0].severity, 'info');
      assert.match(found[0].message, why === 'NUL bytes' ? /NUL bytes/ : /larger than 5 MB/);
      assert.deepEqual(found[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });
  }

  it('CLI: the same two files on disk give one info finding each and exit 0 with --fail-on warning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-guard-'));
    try {
      fs.mkdirSync(path.join(dir, 'nginx'));
      fs.writeFileSync(path.join(dir, 'docker-compose.yml'), cases[0][2]);
      fs.writeFileSync(path.join(dir, 'nginx', 'nginx.conf'), cases[4][2]);
      let out = '', err = '';
      const code = run([dir, '--format', 'json'], (s) => { out += s; }, (s) => { err += s; });
      assert.equal(err, '');
      assert.equal(code, 0);
      const json = JSON.parse(out) as { findings: { file: string; rule: string; severity: string; message: string }[] };
      assert.deepEqual(json.findings.map((f) => [path.basename(f.file), f.rule, f.severity]).sort(), [
        ['docker-compose.yml', 'compose/syntax', 'info'],
        ['nginx.conf', 'nginx/syntax', 'info'],
      ]);
      assert.match(json.findings.find((f) => f.rule === 'compose/syntax')!.message, /larger than 5 MB/);
      assert.match(json.findings.find((f) => f.rule === 'nginx/syntax')!.message, /NUL bytes/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('guards: pathological inputs finish without throwing', function () {
  this.timeout(300_000);

  /** Parses, lints (every invariant of the property suites) and returns the number of findings. */
  const survive = (language: Language, text: string): number => {
    checkParser(language, text);
    return checkLint(language, text, { maxFixes: 3 }).length;
  };

  const MB = 1024 * 1024;

  it('100,000-line files of each kind', () => {
    assert.ok(survive('compose', composeFile(100_000)) > 0);
    assert.ok(survive('nginx', nginxFile(100_000)) > 0);
    assert.ok(survive('env', envFile(100_000)) > 0);
  });

  it('YAML nested 10,000 levels deep (flow sequences, flow maps, compact block sequences)', () => {
    const depth = 10_000;
    survive('compose', `services:\n  app:\n    image: x\n    command: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    survive('compose', `services:\n  app:\n    labels: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
    survive('compose', `services:\n  app:\n    image: x\n    volumes:\n      ${'- '.repeat(depth)}x\n`);
    survive('compose', `${'['.repeat(depth)}\n`);
  });

  it('a 1 MB single line in each language', () => {
    survive('compose', `services:\n  app:\n    image: ${'a'.repeat(MB)}\n    environment:\n      DB_PASSWORD: "${'p'.repeat(MB)}"\n`);
    survive('compose', 'x'.repeat(MB));
    survive('nginx', `server { server_name ${'a'.repeat(MB)}; add_header X "${'"'.repeat(10)}${'v'.repeat(MB)}"; }`);
    survive('nginx', '{'.repeat(MB));
    survive('env', `A=${'b'.repeat(MB)}`);
  });

  it('YAML alias bombs (billion laughs) are not expanded', () => {
    const lol = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i), cur = String.fromCharCode(97 + i);
      lol.push(`x-${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    survive('compose', `${lol.join('\n')}\nservices:\n  app:\n    image: x\n    command: *j\n    environment: *j\n    labels: *j\n`);
    // Merge keys over the bomb, and an alias used as a service.
    survive('compose', `${lol.join('\n')}\nx-base: &base\n  <<: [*i, *j]\n  image: x\nservices:\n  app:\n    <<: *base\n  other: *base\n`);
    // A self-referencing anchor.
    survive('compose', 'services: &s\n  app:\n    image: x\n    labels: *s\n');
  });

  it('nginx blocks nested 10,000 levels deep', () => {
    survive('nginx', `${'location / {'.repeat(10_000)}${'}'.repeat(10_000)}`);
    survive('nginx', `http {\n${'server {\n'.repeat(10_000)}listen 80;\n`);
    survive('nginx', `${'if ($a) {'.repeat(10_000)} return 301 $uri; ${'}'.repeat(10_000)}`);
  });

  it('an env file with a 1 MB quoted value (closed, unclosed, multi-line)', () => {
    survive('env', `JWT_SECRET="${'s'.repeat(MB)}"\nDB_PASSWORD=changeme\n`);
    survive('env', `JWT_SECRET="${'s'.repeat(MB)}\nDB_PASSWORD=changeme\n`);
    survive('env', `PRIVATE_KEY='${'line\n'.repeat(MB / 5)}'\n`);
    survive('env', `DATABASE_URL=postgres://u:${'p'.repeat(MB)}@db/x\n`);
  });
});
