import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCompose } from '../../../server/src/engine/parse/compose';
import { parseDocument, visit } from 'yaml';
import { entriesOf, MAX_PLAIN_VALUES, toPlain, YAML_OPTIONS, type YDoc } from '../../../server/src/engine/parse/compose-yaml';

/** The document as the compose parser reads it (its yaml options), for comparing with yaml's own toJS. */
const parse = (text: string) => parseCompose(text).doc!;

/** Plain data with each object's prototype spelled out (a `__proto__` key sets it), compared by value. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (!v || typeof v !== 'object') return v;
  const proto = Object.getPrototypeOf(v) as unknown;
  return { own: Object.entries(v).map(([k, x]) => [k, shape(x)]), proto: proto === Object.prototype ? null : shape(proto) };
}

describe('engine/parse/compose-yaml: toPlain', () => {
  it('equals yaml\'s toJS on anchors, merges (single and list), overrides, flow and block forms', () => {
    const cases = [
      'services:\n  app:\n    image: a:1\n    ports: ["80:80", 443]\n    environment: { A: 1, B: true, C: null }\n',
      'x-log: &log\n  driver: json-file\n  options: { max-size: 10m }\nservices:\n  a:\n    logging: *log\n  b:\n    <<: { image: x }\n    logging: *log\n',
      'x-base: &base\n  image: one\n  restart: always\nx-more: &more\n  image: two\n  user: "1000"\nservices:\n  a:\n    <<: [*base, *more]\n    restart: "no"\n',
      'services:\n  a:\n    command: ["redis-server", "--requirepass", "${P:?}"]\n    healthcheck:\n      test: [CMD, redis-cli, ping]\n      interval: 10s\n',
    ];
    for (const text of cases) assert.deepEqual(toPlain(parse(text)), parse(text).toJS(), text);
  });

  it('equals toJS on every compose fixture of the test suite', () => {
    const root = path.join(__dirname, '../../fixtures');
    const files: string[] = [];
    const walk = (d: string) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/compose.*\.ya?ml$/.test(e.name)) files.push(p); } };
    walk(root);
    assert.ok(files.length > 5, `found ${files.length} compose fixtures`);
    for (const f of files) {
      const doc = parse(fs.readFileSync(f, 'utf8'));
      if (doc.errors.length) continue;
      let expected: unknown;
      try { expected = doc.toJS({ maxAliasCount: -1 }); } catch { continue; }
      assert.deepEqual(toPlain(doc), expected, f);
    }
  });

  it('reads a mapping no rule read (its pairs directly) as it reads one whose entries were read', () => {
    const cases = [
      'services:\n  a:\n    deploy: { resources: { limits: { memory: 1g } } }\n    labels: { x: 1, x: 2 }\n',
      'a: { __proto__: { p: 1 }, __proto__: { q: 2 }, k: v }\nb: { [x]: 1, ? { y: 1 } : 2, 3: three, true: t, null: n }\n',
      'a: { k: 1, <<: { k: 2, m: 3 } }\nb: &b { z: 1 }\nc: { <<: *b, k: *b }\n',
    ];
    for (const text of cases) {
      const fresh = parseDocument(text, YAML_OPTIONS) as YDoc;
      const read = parseDocument(text, YAML_OPTIONS) as YDoc;
      visit(read, { Map: (_, map) => { entriesOf(read, map); } });
      assert.deepEqual(shape(toPlain(fresh)), shape(toPlain(read)), text);
    }
  });

  it('shares an aliased node instead of copying it, and refuses alias bombs and self-references', () => {
    const shared = toPlain(parse('a: &x { k: v }\nb: *x\n')) as Record<string, unknown>;
    assert.equal(shared.a, shared.b);
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    assert.ok(10 ** 8 > MAX_PLAIN_VALUES);
    assert.equal(toPlain(parse(levels.join('\n') + '\n')), undefined, 'a billion-laughs document is not expanded');
    assert.equal(toPlain(parse('a: &a\n  b: *a\n')), undefined, 'an anchor that contains its own alias');
  });
});
