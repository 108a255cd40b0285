import * as assert from 'node:assert/strict';
import { readSuppressions, isSuppressed, type Finding } from '../../server/src/engine';

function at(line: number, rule = 'env/weak-secret'): Finding {
  return { rule, severity: 'error', message: '', file: '/x', fixes: [], range: { start: { line, character: 0 }, end: { line, character: 1 } } };
}

describe('engine/suppress', () => {
  it('silences the named rule on the next line only', () => {
    const s = readSuppressions('A=1\n# deploylint-disable-next-line env/weak-secret -- test fixture\nB=2\nC=3\n');
    assert.equal(isSuppressed(s, at(2)), true);
    assert.equal(isSuppressed(s, at(3)), false);
    assert.equal(isSuppressed(s, at(2, 'env/syntax')), false);
  });
  it('accepts a comma list and a whole-file directive', () => {
    const s = readSuppressions('# deploylint-disable nginx/server-tokens, nginx/missing-csp\n');
    assert.equal(isSuppressed(s, at(9, 'nginx/missing-csp')), true);
    assert.equal(isSuppressed(s, at(9, 'nginx/server-tokens')), true);
    assert.equal(isSuppressed(s, at(9, 'nginx/no-https')), false);
  });
  it('with no rule named silences every rule', () => {
    const s = readSuppressions('  # deploylint-disable-next-line\nx\n');
    assert.equal(isSuppressed(s, at(1, 'anything')), true);
  });
  it('ignores the words inside a value', () => {
    const s = readSuppressions('A=x # deploylint-disable\n');
    assert.equal(isSuppressed(s, at(5)), false);
  });
});
