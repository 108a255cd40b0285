import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readZip, type ZipEntry } from './zip';

/**
 * `npm run package` (issue 8): the .vsix holds the production bundles, grammars, language
 * configurations, rule docs, icon, README/CHANGELOG/LICENSE/third-party notices and package.json,
 * and nothing else (no node_modules, sources, tests or source maps).
 */
const ROOT = path.resolve(__dirname, '../..');
const VSIX = path.join(ROOT, 'deploylint.vsix');

const ALLOWED = [
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/THIRD_PARTY_NOTICES\.md$/,
  /^extension\/dist\/[a-z0-9-]+\.js$/,
  /^extension\/syntaxes\/[a-z]+\.tmLanguage\.json$/,
  /^extension\/language-configuration\/[a-z]+\.json$/,
  /^extension\/docs\/rules\/([a-z]+\/)?[a-z0-9-]+\.md$/,
  /^extension\/docs\/rules\/README\.md$/,
  /^extension\/docs\/images\/[a-z0-9-]+\.png$/,
  /^extension\/images\/icon\.png$/,
  // The .deploylint.yaml schema behind `yamlValidation`.
  /^extension\/schemas\/deploylint\.schema\.json$/,
];

describe('package: the .vsix file list and marketplace fields', function () {
  this.timeout(240000);
  let entries: ZipEntry[];
  let names: string[];
  let byName: Map<string, ZipEntry>;

  const minified = (e: ZipEntry) => {
    const text = e.read().toString('utf8');
    return !text.includes('sourceMappingURL') && text.length / text.split('\n').length > 500;
  };

  before(() => {
    // Another `npm run build` in the same tree (a developer, a parallel suite) can overwrite dist/
    // between the production build and vsce; such a package is rebuilt once, not reported.
    for (let attempt = 1; attempt <= 2; attempt++) {
      fs.rmSync(VSIX, { force: true });
      const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 200000 });
      assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
      entries = readZip(fs.readFileSync(VSIX));
      if (entries.filter((e) => /^extension\/dist\/.+\.js$/.test(e.name)).every(minified)) break;
    }
    names = entries.map((e) => e.name);
    byName = new Map(entries.map((e) => [e.name, e]));
  });

  it('contains only bundles, grammars, language configurations, docs, icon, notices and the manifest', () => {
    const payload = names.filter((n) => n.startsWith('extension/'));
    const unexpected = payload.filter((n) => !ALLOWED.some((re) => re.test(n)));
    assert.deepEqual(unexpected, []);
    for (const n of names) assert.ok(!/node_modules|server\/src|client\/src|(^|\/)test\/|\.map$|\.ts$|\.vsix$|\.env/.test(n), n);
    assert.deepEqual(names.filter((n) => !n.startsWith('extension/')).sort(), ['[Content_Types].xml', 'extension.vsixmanifest']);
  });

  it('contains every file the extension needs at run time', () => {
    const pkg = JSON.parse(byName.get('extension/package.json')!.read().toString('utf8'));
    const needed = [
      'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/server-main.js', 'extension/dist/cli.js', 'extension/dist/cli-main.js',
      'extension/readme.md', 'extension/changelog.md', 'extension/THIRD_PARTY_NOTICES.md',
      `extension/${pkg.icon}`, `extension/${pkg.main.replace(/^\.\//, '')}`,
      ...pkg.contributes.grammars.map((g: { path: string }) => `extension/${g.path.replace(/^\.\//, '')}`),
      ...pkg.contributes.languages.map((l: { configuration: string }) => `extension/${l.configuration.replace(/^\.\//, '')}`),
    ];
    for (const n of needed) assert.ok(byName.has(n), n);
    assert.ok(names.some((n) => n === 'extension/LICENSE.txt' || n === 'extension/LICENSE'), 'LICENSE');
    const docs = names.filter((n) => /^extension\/docs\/rules\/[a-z]+\/.+\.md$/.test(n));
    assert.equal(docs.length, fs.readdirSync(path.join(ROOT, 'docs/rules'), { recursive: true }).filter((f) => /\/.+\.md$/.test(String(f))).length, 'every rule page');
  });

  it('ships the production bundles: minified, no source map reference', () => {
    const bundles = entries.filter((e) => /^extension\/dist\/.+\.js$/.test(e.name));
    assert.ok(bundles.length >= 3);
    for (const b of bundles) assert.ok(minified(b), `${b.name} is a production build`);
    const sizes = bundles.map((b) => `${b.name.slice('extension/dist/'.length)} ${(b.size / 1024).toFixed(0)} KB`);
    process.stderr.write(`      [package] ${sizes.join(', ')}; .vsix ${(fs.statSync(VSIX).size / 1024).toFixed(0)} KB\n`);
  });

  it('ships third-party licence notices for what is bundled, including the Apache-2.0 compose-spec schema', () => {
    const notices = byName.get('extension/THIRD_PARTY_NOTICES.md')!.read().toString('utf8');
    assert.match(notices, /Compose Specification JSON schema[^\n]*Apache-2\.0/);
    assert.match(notices, /Apache License\s+Version 2\.0/);
    assert.match(notices, /Copyright 2020 The Compose Specification Authors/);
    for (const p of ['yaml', 'ajv', '@zxcvbn-ts/core', 'vscode-languageclient', 'vscode-languageserver']) assert.match(notices, new RegExp(`^\\| ${p.replace(/[/.]/g, '\\$&')} \\| [0-9.]+ \\| [A-Za-z0-9.-]+ \\|`, 'm'), p);
    const r = spawnSync('node', ['scripts/notices.mjs', '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    assert.equal(r.status, 0, `THIRD_PARTY_NOTICES.md in the repo is current: ${r.stderr}`);
  });

  it('has the marketplace fields, and README images that ship with it', () => {
    const pkg = JSON.parse(byName.get('extension/package.json')!.read().toString('utf8'));
    assert.equal(pkg.displayName, 'deploylint');
    assert.ok(pkg.description.length > 40 && pkg.description.length < 300);
    assert.ok(pkg.categories.includes('Linters'));
    assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30, 'vsce allows at most 30 keywords');
    assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
    assert.ok(!pkg.activationEvents.includes('*'), 'lazy activation');
    const readme = byName.get('extension/readme.md')!.read().toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, `README shows screenshots (${images.length})`);
    // vsce rewrites relative links against the repository; the files themselves ship in docs/images.
    for (const src of images) {
      const rel = src.replace(/^https:\/\/github\.com\/deploylint\/deploylint\/raw\/[^/]+\//, '');
      assert.ok(byName.has(`extension/${rel}`), `${src} ships in the .vsix`);
    }
  });
});
