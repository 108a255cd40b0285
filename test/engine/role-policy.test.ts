import * as assert from 'node:assert/strict';
import { MemoryHost, Workspace, fileInfo, lintFile, mergeConfig } from '../../server/src/engine';
import { parseCompose } from '../../server/src/engine/parse/compose';
import { findMarkup } from '../../server/src/engine/markup';
import { lint, assertRanges, checkFix, workspace } from '../support/lint';

const DB = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
const ONLY_WARNING_UP = (f: { severity: string }) => f.severity === 'error' || f.severity === 'warning';

/** The Jinja compose of lemmy-ansible, in small: tags on their own lines, expressions as values. */
const JINJA_COMPOSE = [
  'services:',
  '  proxy:',
  '    image: nginx:1-alpine',
  '    ports:',
  '      - "127.0.0.1:{{ lemmy_port }}:8536"',
  '  lemmy:',
  '    image: {{ lemmy_docker_image }}',
  '    environment:',
  '{% for key, value in lemmy_env.items() %}',
  '      - {{ key }}={{ value }}',
  '{% endfor %}',
  '      - RUST_LOG=warn',
  '  postgres:',
  '    image: postgres:16',
  '    environment:',
  '      - POSTGRES_PASSWORD={{ postgres_password }}',
  '    ports:',
  '      - "5432:5432"',
  '',
].join('\n');

describe('engine: the role policy (ARCHITECTURE.md, Precision)', () => {
  describe('development', () => {
    it('every finding of a development file is capped at info and says so', () => {
      const found = lint({ 'docker-compose.dev.yml': DB }, 'docker-compose.dev.yml', 'compose/exposed-datastore-port');
      assertRanges(found, 'compose/exposed-datastore-port', ['5:9-5:20']);
      assert.equal(found[0].severity, 'info');
      assert.match(found[0].message, /\(development file: capped at info\)$/);
    });

    it('the same file as production keeps its error, with the message unchanged', () => {
      const found = lint({ 'docker-compose.yml': DB }, 'docker-compose.yml', 'compose/exposed-datastore-port');
      assertRanges(found, 'compose/exposed-datastore-port', ['5:9-5:20']);
      assert.equal(found[0].severity, 'error');
      assert.doesNotMatch(found[0].message, /capped/);
    });
  });

  describe('test', () => {
    it('a test file is not reported and is listed as skipped with its role', () => {
      const files = { 'tests/docker-compose.yml': DB };
      assert.deepEqual(lint(files, 'tests/docker-compose.yml'), []);
      const info = fileInfo(workspace(files), '/ws/tests/docker-compose.yml', mergeConfig());
      assert.deepEqual(info && { kind: info.kind, role: info.role.role, skipped: info.skipped }, { kind: 'compose', role: 'test', skipped: 'test file (turn on with lintTestFiles)' });
    });

    it('lintTestFiles turns them on, at full severity', () => {
      const found = lint({ 'tests/docker-compose.yml': DB }, 'tests/docker-compose.yml', 'compose/exposed-datastore-port', { roles: { lintTestFiles: true } });
      assertRanges(found, 'compose/exposed-datastore-port', ['5:9-5:20']);
      assert.equal(found[0].severity, 'error');
      assert.equal(fileInfo(workspace({ 'tests/docker-compose.yml': DB }), '/ws/tests/docker-compose.yml', mergeConfig({ roles: { lintTestFiles: true } }))?.skipped, undefined);
    });
  });

  describe('template', () => {
    // firefly-iii ships database.env for users to download as .db.env, the file its compose reads.
    const FIREFLY = {
      'docker-compose.yml': 'services:\n  db:\n    image: mariadb:11\n    env_file: .db.env\n',
      'database.env': 'MYSQL_USER=firefly\nMYSQL_PASSWORD=secret_firefly_password\n',
    };

    it('an env file no compose reads, beside a compose that reads a missing env file, is that file\'s template', () => {
      const info = fileInfo(workspace(FIREFLY), '/ws/database.env', mergeConfig());
      assert.equal(info?.role.role, 'template');
      assert.match(info?.role.reason ?? '', /reads \.db\.env, which is not here/);
      const weak = lint(FIREFLY, 'database.env', 'env/weak-secret');
      assertRanges(weak, 'env/weak-secret', ['2:16-2:39']);
      assert.equal(weak[0].severity, 'info');
      assert.deepEqual(lint({ ...FIREFLY, '.git/HEAD': 'x' }, 'database.env', 'env/not-gitignored'), []);
    });

    it('once the file is there, or when the compose reads this one, it is production', () => {
      assert.equal(fileInfo(workspace({ ...FIREFLY, '.db.env': 'MYSQL_PASSWORD=Zt8yQ3mV9pL2xK7wN4rB6cD1\n' }), '/ws/database.env', mergeConfig())?.role.role, 'production');
      const read = { ...FIREFLY, 'docker-compose.yml': 'services:\n  db:\n    image: mariadb:11\n    ports: ["3306:3306"]\n    env_file: database.env\n' };
      assert.equal(fileInfo(workspace(read), '/ws/database.env', mergeConfig())?.role.role, 'production');
      const weak = lint(read, 'database.env', 'env/weak-secret');
      assertRanges(weak, 'env/weak-secret', ['2:16-2:39']);
      assert.equal(weak[0].severity, 'error');
    });

    it('a known default survives copying and works: info, saying users who copy it keep it', () => {
      const files = { 'docker-compose.sample.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: changeme\n' };
      const found = lint(files, 'docker-compose.sample.yml', 'compose/weak-secret');
      assertRanges(found, 'compose/weak-secret', ['5:26-5:34']);
      assert.equal(found[0].severity, 'info');
      assert.match(found[0].message, /copied verbatim|users who copy it keep this/);
    });

    it('never an empty value or an obvious placeholder', () => {
      for (const value of ['""', '"<your-password>"', 'your_password_here', 'xxxxxxxx']) {
        const files = { 'docker-compose.sample.yml': `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${value}\n` };
        assert.deepEqual(lint(files, 'docker-compose.sample.yml').filter((f) => /secret/.test(f.rule)), [], value);
      }
    });

    it('every finding of a copied template is at most info; never env/not-gitignored, even for a template known by its header', () => {
      const files = { '.gitignore': 'node_modules\n', 'app.env': '# Copy this file to .env and set the secrets\nDB_PASSWORD=changeme\nSESSION_SECRET=\n' };
      const found = lint(files, 'app.env');
      assert.deepEqual(found.filter((f) => f.rule === 'env/not-gitignored'), []);
      assert.deepEqual(found.filter(ONLY_WARNING_UP), []);
      assertRanges(found, 'env/weak-secret', ['2:13-2:21']);
      // The same file without the header is a real env file: committed, and its secret is weak (a known default
      // that may be the working value; a file of placeholders alone has nothing to commit yet).
      const real = lint({ ...files, 'app.env': 'DB_PASSWORD=secret\n' }, 'app.env');
      assert.ok(real.some((f) => f.rule === 'env/not-gitignored' && f.severity === 'warning'));
      assert.ok(real.some((f) => f.rule === 'env/weak-secret' && f.severity === 'error'));
    });
  });

  describe('templated markup', () => {
    it('is never a syntax error: the YAML around the Jinja tags is linted', () => {
      assert.ok(parseCompose(JINJA_COMPOSE).errors.length > 0, 'the raw text is not YAML');
      const found = lint({ 'templates/docker-compose.yml': JINJA_COMPOSE }, 'templates/docker-compose.yml');
      assert.deepEqual(found.filter((f) => f.rule === 'compose/syntax'), []);
      assertRanges(found, 'compose/exposed-datastore-port', ['18:9-18:20']);
      assert.equal(found.find((f) => f.rule === 'compose/exposed-datastore-port')?.severity, 'error', 'what is not markup is deployed as written');
    });

    it('a value the renderer fills in is not judged', () => {
      const found = lint({ 'templates/docker-compose.yml': JINJA_COMPOSE }, 'templates/docker-compose.yml');
      assert.deepEqual(found.filter((f) => /secret|port-all/.test(f.rule)).map((f) => f.rule), [], 'no weak secret for {{ postgres_password }}, no port for {{ lemmy_port }}');
    });

    it('fixes splice the original text and keep the tags', () => {
      const fixed = checkFix({ 'templates/docker-compose.yml': JINJA_COMPOSE }, 'templates/docker-compose.yml', 'compose/exposed-datastore-port', {
        title: /127\.0\.0\.1/,
        reparse: (text) => { const m = findMarkup(text, false); return !!m && parseCompose(m.masked).errors.length === 0; },
      });
      assert.match(fixed['templates/docker-compose.yml'], /\{% for key, value in lemmy_env\.items\(\) %\}\n {6}- \{\{ key \}\}=\{\{ value \}\}\n\{% endfor %\}/);
      assert.match(fixed['templates/docker-compose.yml'], /"127\.0\.0\.1:5432:5432"/);
    });

    it('nginx with Jinja and gomplate markup: no syntax error, the directives around it keep their severity', () => {
      const jinja = 'server {\n    listen 80;\n    server_name {{ domain }};\n{% if cors %}\n    add_header X-Test "1";\n{% endif %}\n    location / {\n        proxy_pass http://app:8000;\n    }\n}\n';
      const found = lint({ 'templates/site.conf.j2': jinja }, 'templates/site.conf.j2');
      assert.deepEqual(found.filter((f) => f.rule === 'nginx/syntax'), []);
      assertRanges(found, 'nginx/no-https', ['2:5-2:15']);
      assert.equal(found.find((f) => f.rule === 'nginx/no-https')?.severity, 'error');
      const gomplate = 'server {\n    listen 80;\n{{ if .Env.ENABLE_X }}\n    client_max_body_size 0;\n{{ end }}\n    root /srv;\n}\n';
      const go = lint({ 'defaults/meet.conf': gomplate }, 'defaults/meet.conf');
      assert.deepEqual(go.filter((f) => f.rule === 'nginx/syntax'), []);
      assertRanges(go, 'nginx/unlimited-body-size', ['4:26-4:27']);
    });

    it('where the renderer includes other files, what seems missing may come from them: at most info', () => {
      const liquid = 'server {\n  set $server "app";\n{% include "_listen.conf" %}\n{% include "_certificates.conf" %}\n  location / {\n    proxy_pass http://app:8000;\n  }\n}\n';
      const found = lint({ 'templates/proxy_host.conf': liquid }, 'templates/proxy_host.conf');
      assert.ok(found.some((f) => f.rule === 'nginx/no-https'), 'still said, as information');
      assert.deepEqual(found.filter(ONLY_WARNING_UP).map((f) => f.rule), []);
      assert.match(found.find((f) => f.rule === 'nginx/no-https')!.message, /files its markup includes are not seen/);
    });

    it('what only some renderings contain is information; messages name template values as such, never by the filler', () => {
      const text = 'server {\n    listen 443 ssl;\n    server_name {{ domain }};\n    client_max_body_size 0;\n{% if uploads %}\n    location /up {\n        client_max_body_size 0;\n    }\n{% endif %}\n}\n';
      const found = lint({ 'templates/site.conf.j2': text }, 'templates/site.conf.j2', 'nginx/unlimited-body-size');
      assertRanges(found, 'nginx/unlimited-body-size', ['4:26-4:27', '7:30-7:31']);
      assert.deepEqual(found.map((f) => f.severity), ['warning', 'info']);
      assert.match(found[1].message, /inside a template condition/);
      const all = lint({ 'templates/site.conf.j2': text }, 'templates/site.conf.j2');
      assert.ok(all.some((f) => f.message.includes('"{{…}}"')), 'a server named by markup');
      assert.ok(all.every((f) => !/xxxxx/.test(f.message)), 'no filler in messages');
    });

    it('a compose file without markup but with {{ }} in a command is linted in full, syntax errors included', () => {
      const text = 'services:\n  mon:\n    image: docker:27\n    command: ["docker", "ps", "--format", "{{.Names}}"]\n  bad: [\n';
      assert.ok(lint({ 'docker-compose.yml': text }, 'docker-compose.yml').some((f) => f.rule === 'compose/syntax' && f.severity === 'error'));
    });
  });

  it('deciding the role does not cost the incremental reparse: the parse still gets the replaced version', () => {
    const ws = new Workspace(new MemoryHost());
    ws.setOpen('/ws/docker-compose.yml', DB);
    lintFile(ws, '/ws/docker-compose.yml', mergeConfig());
    const doc = ws.setOpen('/ws/docker-compose.yml', DB.replace('postgres:16', 'postgres:17'));
    const given: unknown[] = [];
    const previous = doc.previous.bind(doc);
    doc.previous = <T>(key: string): T | undefined => { const p = previous<T>(key); given.push(p); return p; };
    lintFile(ws, '/ws/docker-compose.yml', mergeConfig());
    assert.ok(given.length > 0 && given.every((p) => p !== undefined), 'the compose parser received the previous tree');
  });
});
