import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CLIENT_COMMANDS, COMMANDS } from '../../common/commands';
import { DOCUMENT_SELECTOR } from '../../client/src/selector';
import { languageOf } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest (package.json contributes, activation, capabilities)', () => {
  it('keeps the engine and entry point the client is built for', () => {
    assert.equal(pkg.engines.vscode, '^1.91.0');
    assert.equal(pkg.main, './dist/extension.js');
    assert.deepEqual(pkg.categories, ['Linters']);
    assert.ok(fs.existsSync(path.join(ROOT, pkg.icon)), 'the icon file exists');
  });

  it('contributes every setting of ARCHITECTURE.md, Editor with resource scope, a description and its default', () => {
    const props = pkg.contributes.configuration.properties;
    const defaults: Record<string, unknown> = {
      'deploylint.enable': true, 'deploylint.rules': {}, 'deploylint.secrets.minPasswordLength': 16, 'deploylint.secrets.minKeyBytes': 32,
      'deploylint.nginx.version': '1.26', 'deploylint.run': 'onType', 'deploylint.workspaceScan': false, 'deploylint.trace.server': 'off', 'deploylint.lintTestFiles': false,
    };
    assert.deepEqual(Object.keys(props).sort(), Object.keys(defaults).sort());
    for (const [key, value] of Object.entries(defaults)) {
      assert.deepEqual(props[key].default, value, key);
      assert.equal(props[key].scope, 'resource', key);
      assert.ok(props[key].description || props[key].markdownDescription, `${key} has a description`);
    }
  });

  it('contributes the client commands in the deploylint category', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string; category: string }) => { assert.equal(c.category, 'deploylint'); return c.command; });
    assert.deepEqual(contributed.sort(), [...CLIENT_COMMANDS, COMMANDS.restartServer].sort());
    const title = pkg.contributes.commands.find((c: { command: string }) => c.command === 'deploylint.generateNginxBlock');
    assert.equal(`${title.category}: ${title.title}`, 'deploylint: Generate hardened nginx block');
  });

  it('activates lazily on the languages and workspace contents of ARCHITECTURE.md, File kinds, and supports untrusted/virtual workspaces', () => {
    const events: string[] = pkg.activationEvents;
    for (const l of ['dockercompose', 'dotenv', 'nginx', 'yaml']) assert.ok(events.includes(`onLanguage:${l}`), l);
    assert.ok(events.includes('workspaceContains:**/docker-compose*.yml'));
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), 'no eager activation');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  });

  it('contributes the nginx and dotenv languages with grammars and language configurations that exist', () => {
    const nginx = pkg.contributes.languages.find((l: { id: string }) => l.id === 'nginx');
    assert.deepEqual(nginx.filenames, ['nginx.conf']);
    assert.deepEqual(nginx.extensions, ['.nginx']);
    for (const p of ['**/nginx/*.conf', '**/conf.d/*.conf', '**/sites-available/*', '**/sites-enabled/*', '**/snippets/*.conf', '*.conf.template']) assert.ok(nginx.filenamePatterns.includes(p), p);
    for (const l of pkg.contributes.languages) JSON.parse(fs.readFileSync(path.join(ROOT, l.configuration), 'utf8'));
    for (const g of pkg.contributes.grammars) {
      const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, g.path), 'utf8'));
      assert.equal(grammar.scopeName, g.scopeName);
    }
  });

  it('writes grammar patterns that compile and scope the nginx and dotenv basics', () => {
    const regexes: { where: string; re: RegExp }[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) { node.forEach((n, i) => walk(n, `${where}[${i}]`)); return; }
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') regexes.push({ where: `${where}.${k}`, re: new RegExp(v, 'm') });
        else walk(v, `${where}.${k}`);
      }
    };
    const nginx = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes/nginx.tmLanguage.json'), 'utf8'));
    const dotenv = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes/dotenv.tmLanguage.json'), 'utf8'));
    walk(nginx, 'nginx');
    walk(dotenv, 'dotenv');
    assert.ok(regexes.length > 20);
    const find = (grammar: { repository: Record<string, unknown> }, rule: string) => JSON.stringify(grammar.repository[rule]);
    for (const rule of ['comment', 'directive', 'block', 'location', 'variable', 'string', 'argument', 'lua-block']) assert.ok(find(nginx, rule), rule);
    const loc = nginx.repository.location.patterns[0];
    const m = new RegExp(loc.match).exec('  location ~* \\.(png|jpg)$ {');
    assert.equal(m?.[2], '~*');
    assert.equal(m?.[3], '\\.(png|jpg)$');
    const key = new RegExp(dotenv.repository.assignment.begin).exec('export DB_PASSWORD=x');
    assert.deepEqual([key?.[1], key?.[2]], ['export', 'DB_PASSWORD']);
  });

  // One list serves `npm pack` and vsce (vsce refuses a .vscodeignore beside `files`).
  it('ships a whitelist `files` list shared by the npm package and the .vsix, with both bins', () => {
    assert.ok(!fs.existsSync(path.join(ROOT, '.vscodeignore')));
    for (const keep of ['dist/*.js', 'syntaxes/**', 'language-configuration/**', 'docs/rules/**', 'images/icon.png', 'schemas/**']) assert.ok(pkg.files.includes(keep), keep);
    assert.deepEqual(pkg.bin, { deploylint: 'dist/cli.js', 'deploylint-language-server': 'dist/server.js' });
    assert.equal(pkg.private, undefined);
    assert.deepEqual(pkg.dependencies ?? {}, {}, 'the bundles are self-contained: no runtime dependency');
  });

  it('validates .deploylint.yaml with the schema the CLI and the server use', () => {
    const [v] = pkg.contributes.yamlValidation;
    assert.deepEqual(v.fileMatch, ['.deploylint.yaml', '.deploylint.yml']);
    assert.equal(JSON.parse(fs.readFileSync(path.join(ROOT, v.url), 'utf8')).type, 'object');
  });
});

describe('client document selector', () => {
  const patterns = DOCUMENT_SELECTOR.filter((f) => f.pattern && !f.language).map((f) => picomatch(f.pattern!, { dot: true }));
  const selected = (p: string) => patterns.some((m) => m(p));

  it('sends every file the engine lints by name, whatever language the editor gave it', () => {
    for (const p of ['/w/docker-compose.yml', '/w/docker-compose.prod.yaml', '/w/compose.yaml', '/w/app.compose.yml', '/w/.env', '/w/.env.production', '/w/deploy.env',
      '/w/nginx.conf', '/w/site.nginx', '/w/nginx/app.conf', '/w/conf.d/default.conf', '/w/sites-enabled/app.conf', '/w/default.conf.template', '/w/x/proxy.conf']) {
      assert.ok(selected(p), p);
    }
    for (const p of ['/w/docker-compose.yml', '/w/.env.production', '/w/nginx/app.conf']) assert.ok(languageOf(p), `engine agrees on ${p}`);
  });

  it('leaves other YAML and text files alone', () => {
    for (const p of ['/w/.github/workflows/ci.yml', '/w/values.yaml', '/w/README.md', '/w/environment.ts']) assert.ok(!selected(p), p);
  });
});
