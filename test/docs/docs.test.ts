import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { expectedDocs } from '../../scripts/gen-docs';
import { allRules } from '../../server/src/engine/rules';

describe('docs/rules', () => {
  it('has an up-to-date page for every rule (run `npm run docs`)', () => {
    for (const [file, text] of expectedDocs()) {
      assert.ok(fs.existsSync(file), `${file} is missing`);
      assert.equal(fs.readFileSync(file, 'utf8'), text, `${file} is out of date`);
    }
  });
  it('every rule has a title, a why and a known severity', () => {
    for (const r of allRules()) {
      assert.match(r.id, /^(compose|nginx|env)\/[a-z0-9-]+$/);
      assert.ok(r.id.startsWith(r.language + '/'), r.id);
      assert.ok(r.title.length > 5 && r.docs.why.length > 20, r.id);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(r.severity), r.id);
    }
  });
});
