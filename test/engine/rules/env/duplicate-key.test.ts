import * as assert from 'node:assert/strict';
import { lintText, assertRanges, checkFix } from '../../../support/lint';
import { reparseEnv } from './support';

const RULE = 'env/duplicate-key';

describe('env/duplicate-key', () => {
  it('reports every earlier definition of a key, on its key', () => {
    const found = lintText('.env', 'A=1\nB=2\nA=3\nexport A=4\n', RULE);
    assertRanges(found, RULE, ['1:1-1:2', '3:1-3:2']);
    assert.equal(found[0].message, 'A is defined again on line 4; this earlier definition is ignored.');
    assert.equal(found[0].related?.[0].range.start.line, 3);
  });

  it('does not report distinct keys or keys differing in case', () => {
    assert.deepEqual(lintText('.env', 'A=1\na=2\nAB=3\n', RULE), []);
  });

  it('removes the earlier line, including a multi-line value, and is safe', () => {
    const fixed = checkFix({ '.env': 'K="x\ny"\nB=2\nK=3\n' }, '.env', RULE, { reparse: reparseEnv });
    assert.equal(fixed['.env'], 'B=2\nK=3\n');
    assert.equal(lintText('.env', 'A=1\nA=2\n', RULE)[0].fixes[0].safe, true);
  });
});
