import * as assert from 'node:assert/strict';
import { compareRuleIds } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/engine/rules';

describe('engine/lint', () => {
  it('orders rule ids as English collation does (the order findings at one position had before)', () => {
    const ids = allRules().map((r) => r.id);
    const collator = new Intl.Collator('en');
    for (const a of ids) for (const b of ids) assert.equal(Math.sign(compareRuleIds(a, b)), Math.sign(collator.compare(a, b)), `${a} vs ${b}`);
    assert.ok(ids.length > 40);
  });
});
