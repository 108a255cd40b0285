import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { YAML_OPTIONS } from '../../server/src/engine/parse/compose-yaml';
import { reparseEdit } from '../../server/src/engine/parse/compose-reparse';
import { dumpDocument } from '../support/yaml-dump';

/**
 * Small edits at random places of every real compose file of ../shared/corpus: whenever the
 * previous tree is reused (`parse/compose-reparse.ts`), the result must be the tree a full parse
 * of the edited text gives, and the previous tree must be left as it was.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const EDITS_PER_FILE = Number(process.env.REPARSE_EDITS ?? 150);
const EDITS = ['a', '9', ' ', ':', '\n', '#', '"', '-', '\n    x: 1', '\n  y:', '{', 'Z Z', '', '\n      - b', ' # c'];

function composeFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else if (/\.ya?ml$/.test(p)) out.push(p);
    }
  };
  if (fs.existsSync(CORPUS)) walk(CORPUS);
  return out.sort();
}

describe('corpus: compose reparse after an edit equals a full parse', function () {
  const files = composeFiles();
  if (!files.length) {
    it('is not present on this machine (skipped)', function () { this.skip(); });
    return;
  }
  it(`${EDITS_PER_FILE} random edits in each of ${files.length} YAML files`, () => {
    let seed = 20261201;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let tried = 0, reused = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const prev = parseDocument(text, YAML_OPTIONS);
      if (prev.errors.length) continue;
      const before = dumpDocument(prev);
      for (let k = 0; k < EDITS_PER_FILE; k++) {
        const at = Math.floor(random() * text.length);
        const after = text.slice(0, at) + EDITS[Math.floor(random() * EDITS.length)] + text.slice(at + Math.floor(random() * 3));
        tried++;
        const re = reparseEdit(text, prev, after);
        if (!re) continue;
        reused++;
        assert.equal(dumpDocument(re), dumpDocument(parseDocument(after, YAML_OPTIONS)), `${path.relative(CORPUS, file)}: edit at ${at}`);
      }
      assert.equal(dumpDocument(prev), before, `${path.relative(CORPUS, file)}: the previous tree was changed`);
    }
    assert.ok(reused > tried / 10, `a fair share of edits reuse the tree (${reused} of ${tried})`);
  });
});
