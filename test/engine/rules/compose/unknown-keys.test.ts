import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCompose, type ComposeFile } from '../../../../server/src/engine/parse/compose';
import { toPlain } from '../../../../server/src/engine/parse/compose-yaml';
import { findUnknownKeys } from '../../../../server/src/engine/compose-schema/validate';
import { unknownKeysOf } from '../../../../server/src/engine/rules/compose/support/unknown-keys';
import { composeFile } from '../../../../bench/generate';

/** What validating the whole file reports, in a comparable order. */
function whole(file: ComposeFile): string[] {
  const data = toPlain(file.doc!);
  return (data === undefined ? [] : findUnknownKeys(data)).map((u) => JSON.stringify(u)).sort();
}
const perService = (file: ComposeFile) => unknownKeysOf(file).map((u) => JSON.stringify(u)).sort();

function composeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /compose.*\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('compose unknown keys, one service at a time', () => {
  const typos = [
    'name: x\nservics: {}\nservices:\n  app:\n    image: x:1\n    securty_opt: []\n    ports:\n      - target: 80\n        host-ip: 127.0.0.1\n  "bad name!":\n    imag: y\n  db:\n    image: postgres:16\n    deploy: { resources: { limits: { memry: 1g } } }\nvolumes:\n  v: { drivr: local }\n',
    'x-base: &base\n  restrat: always\nservices:\n  app:\n    <<: *base\n    image: x:1\n  web: *base\n',
    'services:\n  <<: { app: { image: x, restrat: always } }\n',
    '%YAML 1.1\n---\nservices:\n  app:\n    image: x:1\n    privileged: yes\n    restrat: always\n',
    'services:\n  app:\n    image: x:1\n    command: |\n      run *\n    restrat: always\n',
  ];

  it('reports what validating the whole file reports', () => {
    const files = [...composeFiles('test/fixtures'), ...composeFiles('examples'), ...composeFiles('test/stacks')];
    assert.ok(files.length > 5, `only ${files.length} fixture files`);
    let withKeys = 0;
    for (const text of [...typos, composeFile(1000), ...files.map((f) => fs.readFileSync(f, 'utf8'))]) {
      const file = parseCompose(text);
      if (!file.doc || !file.root || file.errors.length) continue;
      const expected = whole(file);
      if (expected.length) withKeys++;
      assert.deepEqual(perService(file), expected, text.slice(0, 200));
      assert.deepEqual(perService(file), expected, 'from the cache: ' + text.slice(0, 200));
    }
    assert.ok(withKeys >= typos.length - 1);
  });

  it('sees an edit of one service, and the cached others', () => {
    const text = composeFile(400);
    const before = parseCompose(text);
    assert.deepEqual(perService(before), []);
    const at = text.indexOf('    restart: unless-stopped', text.indexOf('  svc3:'));
    const edited = text.slice(0, at) + '    restrat: always\n' + text.slice(at);
    const after = parseCompose(edited, before);
    assert.deepEqual(unknownKeysOf(after).map((u) => [...u.path, u.key].join('.')), ['services.svc3.restrat']);
    assert.deepEqual(perService(after), whole(after));
    assert.deepEqual(perService(parseCompose(text, after)), []);
  });

  it('sees an edit of what a service\'s alias points to', () => {
    const text = 'x-log: &log\n  driver: json-file\nx-base: &base\n  restart: always\n  logging: *log\nservices:\n  app:\n    <<: *base\n    image: x:1\n  db:\n    image: postgres:16\n    logging: *log\n';
    const before = parseCompose(text);
    assert.deepEqual(perService(before), []);
    const edited = parseCompose(text.replace('  driver: json-file', '  drivr: json-file'), before);
    assert.deepEqual(perService(edited), whole(edited));
    assert.deepEqual(unknownKeysOf(edited).map((u) => [...u.path, u.key].join('.')).sort(), ['services.app.logging.drivr', 'services.db.logging.drivr']);
    const twice = parseCompose(text.replace('x-base: &base', 'x-base: &log'));
    assert.deepEqual(perService(twice), whole(twice));
  });

  it('reports nothing when the file is too large once aliases expand, as the whole file does', () => {
    const lines = ['x-a: &a [' + Array(50).fill('1').join(', ') + ']', 'x-b: &b [' + Array(50).fill('*a').join(', ') + ']', 'x-c: &c [' + Array(50).fill('*b').join(', ') + ']'];
    const text = [...lines, 'services:', '  app:', '    image: x', '    restrat: always', '    labels: { c: *c }', ''].join('\n');
    const file = parseCompose(text);
    assert.deepEqual(whole(file), []);
    assert.deepEqual(perService(file), []);
    const ok = parseCompose(text.replace('    labels: { c: *c }\n', ''));
    assert.equal(perService(ok).length, 1);
  });
});
