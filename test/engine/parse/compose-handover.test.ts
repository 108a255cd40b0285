import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isNode, isPair, parseDocument } from 'yaml';
import { reparseEdit } from '../../../server/src/engine/parse/compose-reparse';
import { parseCompose } from '../../../server/src/engine/parse/compose';
import { YAML_OPTIONS } from '../../../server/src/engine/parse/compose-yaml';
import { MemoryHost, Workspace, lintFile, mergeConfig, type Finding } from '../../../server/src/engine';
import { composeEnv, composeFile } from '../../../bench/generate';
import { params, RUNS } from '../../property/support';
import { dumpDocument } from '../../support/yaml-dump';

/** Generated values (fresh secrets in fixes) differ between two lints; everything else must not. */
const strip = (fs: Finding[]) => JSON.stringify(fs).replace(/[A-Za-z0-9+/_=-]{16,}/g, 'X');

/** The services' model as rules read it: nodes by their ranges, maps as entries. */
const dumpServices = (file: ReturnType<typeof parseCompose>) => JSON.stringify(file.services, (_k, v: unknown) => {
  if (v instanceof Map) return [...v];
  if (isPair(v)) return ['pair', (v.key as { range?: unknown } | null)?.range];
  if (isNode(v)) return ['node', v.range];
  return v;
});

/** An edit as typing makes them: mostly word characters at a uniform position, sometimes structure. */
const edit = fc.tuple(
  fc.nat({ max: 1_000_003 }), fc.nat({ max: 3 }),
  fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom('a', 'Z', '1', '_', '.', ' ', '$'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(':', '-', '"', '#', '\n', '\n      X: 1', '&a', '*a', '{', '\t'), { maxLength: 2 }) },
  ),
);

function apply(text: string, [where, del, ins]: [number, number, string[]]): string {
  const i = where % (text.length + 1);
  return text.slice(0, i) + ins.join('') + text.slice(i + del);
}

describe('compose reparse handing the previous tree over (the editor path)', () => {
  it('moves the nodes after the edit instead of copying them, and never reparses from a tree it handed over', () => {
    const text = composeFile(120);
    const at = text.indexOf('LOG_LEVEL: info') + 'LOG_LEVEL: info'.length;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const first = parseCompose(text);
    const second = parseCompose(next, first);
    assert.equal(dumpDocument(second.doc!), dumpDocument(parseDocument(next, YAML_OPTIONS)));
    const last = first.services[first.services.length - 1].entry.pair;
    assert.equal(second.services[second.services.length - 1].entry.pair, last, 'the last service pair is the same object, moved');
    assert.equal(reparseEdit(text, first.doc!, next), undefined, 'the handed-over tree is not read again');
  });

  it('parses an edit inside an anchored block in full: the services that merge it read the edit (an edit of the same length too)', () => {
    const text = [
      'x-base: &base', '  image: app:1', '  deploy:', '    resources:', '      limits:', '        memory: 512m', '  restart: always',
      'services:', '  a:', '    <<: *base', '  b:', '    <<: *base', '    image: b:1', '  c:', '    image: c:1', '',
    ].join('\n');
    const host = new MemoryHost({ '/h/docker-compose.yml': text });
    const ws = new Workspace(host);
    const config = mergeConfig();
    ws.setOpen('/h/docker-compose.yml', text);
    lintFile(ws, '/h/docker-compose.yml', config);
    const next = text.replace('limits:', 'limitz:');
    ws.setOpen('/h/docker-compose.yml', next);
    const incremental = lintFile(ws, '/h/docker-compose.yml', config);
    const full = lintFile(new Workspace(new MemoryHost({ '/h/docker-compose.yml': next })), '/h/docker-compose.yml', config);
    assert.equal(strip(incremental), strip(full));
    assert.ok(incremental.some((f) => f.rule === 'compose/unknown-key' && f.message.includes('limitz')));
    assert.ok(incremental.some((f) => f.rule === 'compose/no-resource-limits' && f.message.includes('`a`')));
  });

  it('property: a sequence of edits, each parsed from the previous version, gives the tree and the findings of a full parse', function () {
    this.timeout(300_000);
    const base = composeFile(150, { findingsEvery: 2 });
    const env = composeEnv(base);
    const config = mergeConfig();
    const path = '/h/docker-compose.yml';
    let handedOver = 0;
    const lastPair = (ws: Workspace) => {
      const tree = ws.document(path)!.memo('parse:compose', () => undefined) as unknown as ReturnType<typeof parseCompose>;
      return { tree, pair: tree.services[tree.services.length - 1]?.entry.pair };
    };
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
      const host = new MemoryHost({ '/h/.gitignore': '.env\n', '/h/.env': env });
      const ws = new Workspace(host);
      let text = base;
      ws.setOpen(path, text);
      lintFile(ws, path, config);
      for (const e of edits) {
        text = apply(text, e);
        const before = lastPair(ws).pair;
        ws.setOpen(path, text);
        const incremental = lintFile(ws, path, config);
        const { tree, pair } = lastPair(ws);
        if (pair && pair === before && text.length !== base.length) handedOver++;
        const fresh = new Workspace(new MemoryHost({ '/h/.gitignore': '.env\n', '/h/.env': env, [path]: text }));
        assert.equal(strip(incremental), strip(lintFile(fresh, path, config)));
        assert.equal(dumpDocument(tree.doc!), dumpDocument(parseDocument(text, YAML_OPTIONS)));
        assert.equal(dumpServices(tree), dumpServices(parseCompose(text)));
      }
    }), params(RUNS));
    assert.ok(handedOver >= RUNS / 2, `edits hand the previous tree over (${handedOver})`);
  });
});
