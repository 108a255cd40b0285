import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateNginx } from '../../server/src/generate';
import { EXTRA_CASES, optionMatrix } from './matrix';

// `UPDATE_GOLDEN=1 ONLY=test/generate/golden.test.ts npx mocha` rewrites the files; review the diff before committing.
const DIR = path.join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CASES = [...optionMatrix(), ...EXTRA_CASES];

describe('generate: golden outputs', () => {
  before(() => { if (UPDATE) fs.mkdirSync(DIR, { recursive: true }); });

  for (const c of CASES) {
    it(c.name, () => {
      const file = path.join(DIR, `${c.name}.conf`);
      const text = generateNginx(c.options);
      if (UPDATE) fs.writeFileSync(file, text);
      assert.ok(fs.existsSync(file), `missing golden ${path.relative(process.cwd(), file)}: run with UPDATE_GOLDEN=1`);
      assert.equal(text, fs.readFileSync(file, 'utf8'), `${c.name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`);
    });
  }

  it('the golden folder holds exactly the cases (no stale files)', () => {
    const want = new Set(CASES.map((c) => `${c.name}.conf`));
    const stale = fs.readdirSync(DIR).filter((f) => !want.has(f));
    if (UPDATE) for (const f of stale) fs.rmSync(path.join(DIR, f));
    else assert.deepEqual(stale, [], 'golden files no case produces');
    assert.equal(want.size, CASES.length, 'case names are unique');
  });
});
