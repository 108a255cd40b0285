import * as assert from 'node:assert/strict';
import { lintText, rangeOf } from '../support/lint';
import { readSuppressions, isSuppressed, type Finding, type RuleId } from '../../server/src/engine';

function at(line: number, rule: RuleId = 'env/weak-secret'): Finding {
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
    assert.equal(isSuppressed(s, at(1, 'compose/privileged')), true);
  });
  it('collects an id that is no rule, placed on its line, with the id it probably meant', () => {
    const s = readSuppressions('A=1\n  # deploylint-disable-next-line env/weak-secrets, env/syntax -- typo\nB=2\n');
    assert.deepEqual(s.unknown, [{ line: 1, start: 33, end: 49, message: 'deploylint-disable names an unknown rule "env/weak-secrets" (did you mean env/weak-secret?): it silences nothing.' }]);
    assert.equal(isSuppressed(s, at(2)), false, 'the misspelt id silences nothing');
    assert.equal(isSuppressed(s, at(2, 'env/syntax')), true);
    assert.deepEqual(readSuppressions('# deploylint-disable nginx/server-tokens\n# deploylint-disable-next-line\n').unknown, []);
  });
  it('the lint reports a misspelt id as a syntax warning of the file, which the config can turn off', () => {
    const text = 'services:\n  a:\n    image: x:1\n    # deploylint-disable-next-line compose/privilegd\n    privileged: true\n';
    const found = lintText('docker-compose.yml', text, 'compose/syntax');
    assert.deepEqual(found.map((f) => [f.severity, rangeOf(f), f.message]), [
      ['warning', '4:36-4:53', 'deploylint-disable names an unknown rule "compose/privilegd" (did you mean compose/privileged?): it silences nothing.'],
    ]);
    assert.equal(lintText('docker-compose.yml', text, 'compose/privileged').length, 1, 'the finding it meant to silence stays');
    assert.deepEqual(lintText('docker-compose.yml', text, 'compose/syntax', { rules: { 'compose/syntax': 'off' } }), []);
    assert.deepEqual(lintText('docker-compose.yml', text.replace('privilegd', 'privileged'), 'compose/syntax'), []);
  });
  it('a misspelt id in a development file is capped at info like the file\'s other findings', () => {
    const text = 'services:\n  a:\n    image: x:1\n    # deploylint-disable-next-line compose/privilegd\n    privileged: true\n';
    const found = lintText('docker-compose.dev.yml', text, 'compose/syntax');
    assert.deepEqual(found.map((f) => [f.rule, f.severity, rangeOf(f)]), [['compose/syntax', 'info', '4:36-4:53']]);
  });
  it('ignores the words inside a value', () => {
    const s = readSuppressions('A=x # deploylint-disable\n');
    assert.equal(isSuppressed(s, at(5)), false);
  });
});
