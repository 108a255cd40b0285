import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { reparseEdit, commonEnds } from '../../../server/src/engine/parse/compose-reparse';
import { parseCompose } from '../../../server/src/engine/parse/compose';
import { YAML_OPTIONS } from '../../../server/src/engine/parse/compose-yaml';
import { MemoryHost, Workspace, lintFile, mergeConfig } from '../../../server/src/engine';
import { composeEnv, composeFile } from '../../../bench/generate';
import { fixtures, params, RUNS } from '../../property/support';
import { dumpDocument } from '../../support/yaml-dump';

/** Re-parses `after` from `before`; when reused, the tree must be the one a full parse gives. */
function check(before: string, after: string): boolean {
  const prev = parseDocument(before, YAML_OPTIONS);
  const re = reparseEdit(before, prev, after);
  if (!re) return false;
  const full = parseDocument(after, YAML_OPTIONS);
  assert.equal(dumpDocument(re), dumpDocument(full), `reparse differs from a full parse:\n--- before\n${before}\n--- after\n${after}`);
  assert.equal(dumpDocument(prev), dumpDocument(parseDocument(before, YAML_OPTIONS)), 'the previous tree was changed');
  return true;
}

const STACK = [
  'name: demo',
  'services:',
  '  web:',
  '    image: nginx:1.27',
  '    ports:',
  '      - "127.0.0.1:8080:80"',
  '    environment:',
  '      LOG_LEVEL: info',
  '',
  '  db:',
  '    # the database',
  '    image: postgres:16',
  '    environment:',
  '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
  '  cache:',
  '    image: redis:7',
  'volumes:',
  '  data: {}',
  '',
].join('\n');

const at = (text: string, marker: string, insert: string, del = 0) => {
  const i = text.indexOf(marker) + marker.length;
  return text.slice(0, i) + insert + text.slice(i + del);
};

describe('compose reparse (an edit inside one block)', () => {
  it('measures the common prefix and suffix of two texts, which may overlap', () => {
    assert.deepEqual(commonEnds('abcdef', 'abXdef'), { prefix: 2, suffix: 3 });
    assert.deepEqual(commonEnds('a\nb', 'a\nx\nb'), { prefix: 2, suffix: 2 });
    assert.deepEqual(commonEnds('same', 'same'), { prefix: 4, suffix: 4 });
  });

  it('reuses the tree for a value typed in a service, and gives the tree of a full parse', () => {
    assert.equal(check(STACK, at(STACK, 'LOG_LEVEL: info', 'x')), true);
    assert.equal(check(STACK, at(STACK, 'image: postgres:16', '.1')), true);
    assert.equal(check(STACK, at(STACK, 'POSTGRES_PASSWORD: ${DB_PASSWORD}', '\n      POSTGRES_USER: app')), true);
    assert.equal(check(STACK, at(STACK, 'LOG_LEVEL: ', '', 2)), true, 'deleting');
    assert.equal(check(STACK, at(STACK, 'LOG_LEVEL: info', '\n      X: 1')), true, 'a line typed at the end of a block');
  });

  it('parses in full what it cannot prove equivalent', () => {
    assert.equal(check(STACK, at(STACK, '  web', 'x')), false, 'the key line');
    assert.equal(check(STACK, at(STACK, 'image: redis:7', ':1')), false, 'the last service (it ends where the next key starts)');
    assert.equal(check(STACK, at(STACK, 'LOG_LEVEL: info', '\n  dedented: 1')), false, 'a line that would end the service');
    assert.equal(check(STACK, at(STACK, 'LOG_LEVEL: info', ' &a')), false, 'an anchor');
    assert.equal(check(STACK, at(STACK, 'LOG_LEVEL: info', '\n      X: *a')), true, 'an alias (resolved in the whole tree)');
    assert.equal(check(STACK, at(STACK, 'name: demo', 'x')), false, 'a top-level scalar');
    assert.equal(check(STACK, at(STACK, 'LOG_LEVEL: info', '\n    - broken')), false, 'an edit that breaks the block');
    const commented = at(STACK, 'LOG_LEVEL: info', '\n  # about db');
    assert.equal(check(commented, at(commented, 'LOG_LEVEL: info', 'x')), false, 'a comment last in the block');
    const empty = at(STACK, 'LOG_LEVEL: info', '\n      EMPTY:');
    assert.equal(check(empty, at(empty, 'LOG_LEVEL: info', 'x')), false, 'an empty value last in the block');
    const broken = at(STACK, 'image: redis:7', '\n  : :');
    assert.equal(check(broken, at(broken, 'LOG_LEVEL: info', 'x')), false, 'a previous tree with errors');
  });

  it('lints a version parsed from the previous one exactly as a full parse would', () => {
    const text = composeFile(400, { findingsEvery: 2 });
    const host = new MemoryHost({ '/b/.gitignore': '.env\n', '/b/.env': composeEnv(text) });
    const ws = new Workspace(host);
    const config = mergeConfig();
    const strip = (fs: ReturnType<typeof lintFile>) => JSON.stringify(fs).replace(/[A-Za-z0-9]{32}/g, 'X');
    ws.setOpen('/b/docker-compose.yml', text);
    lintFile(ws, '/b/docker-compose.yml', config);
    let reused = 0;
    let current = text;
    const lines = text.split('\n');
    const targets = lines.flatMap((l, i) => (/^\s+(image|memory|LOG_LEVEL): /.test(l) ? [i] : [])).filter((_, k) => k % 6 === 0).slice(0, 6);
    for (const line of targets) {
      // Typing at the end of a value: the offsets of earlier edits moved every later line by one.
      const offset = lines.slice(0, line + 1).join('\n').length + targets.indexOf(line);
      const next = current.slice(0, offset) + '9' + current.slice(offset);
      if (reparseEdit(current, parseCompose(current).doc!, next)) reused++;
      current = next;
      ws.setOpen('/b/docker-compose.yml', current);
      const incremental = lintFile(ws, '/b/docker-compose.yml', config);
      const fresh = new Workspace(new MemoryHost({ '/b/.gitignore': '.env\n', '/b/.env': composeEnv(text), '/b/docker-compose.yml': current }));
      assert.equal(strip(incremental), strip(lintFile(fresh, '/b/docker-compose.yml', config)), `after an edit on line ${line + 1}`);
    }
    assert.equal(targets.length, 6);
    assert.ok(reused >= 4, `most of these edits reuse the tree (${reused} of 6)`);
  });

  it('property: any small edit of a real file gives the full parse tree whenever the tree is reused', function () {
    this.timeout(120_000);
    const files = [...fixtures('compose').map((f) => f.text), STACK, composeFile(200), composeFile(200, { findingsEvery: 1 })]
      .filter((t) => !parseDocument(t, YAML_OPTIONS).errors.length);
    let reused = 0;
    fc.assert(fc.property(
      fc.nat({ max: files.length - 1 }), fc.nat({ max: 1_000_003 }), fc.nat({ max: 4 }),
      fc.oneof(
        // What typing mostly is: word characters (these usually keep the block valid, so its reuse is exercised) ...
        fc.array(fc.constantFrom('a', 'Z', '1', '_', '.', '/', ' '), { maxLength: 4 }),
        // ... and what breaks structure: indicators, quotes, newlines, indentation, comments.
        fc.array(fc.constantFrom('a', '1', ' ', ':', '-', '"', "'", '#', '\n', '\n  ', '\n      x: ', '{', '}', '[', ']', ',', '|', '>', '?', '!', '&', '*', '$', '\t'), { maxLength: 4 }),
      ),
      (fi, where, del, ins) => {
        const before = files[fi];
        const i = where % (before.length + 1); // a uniform position (fc.double favours the ends)
        const after = before.slice(0, i) + ins.join('') + before.slice(i + del);
        if (check(before, after)) reused++;
      },
    ), params(RUNS * 25));
    assert.ok(reused > RUNS * 5, `many edits reuse the tree (${reused} of ${RUNS * 25})`);
  });
});
