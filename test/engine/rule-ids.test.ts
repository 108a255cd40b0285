import * as assert from 'node:assert/strict';
import { RULE_IDS, allRules, closestRuleId, isRuleId, parseConfigFile, ConfigError } from '../../server/src/engine';
import { lintText } from '../support/lint';

describe('engine/rules/ids', () => {
  it('RULE_IDS is exactly the registered rules, in registry order, each once', () => {
    assert.deepEqual([...RULE_IDS], allRules().map((r) => r.id));
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
  });

  it('isRuleId knows the ids and nothing else', () => {
    assert.equal(isRuleId('compose/port-bypasses-proxy'), true);
    assert.equal(isRuleId('compose/port-bypass-proxy'), false);
    assert.equal(isRuleId('Compose/privileged'), false);
    assert.equal(isRuleId(''), false);
  });

  it('closestRuleId suggests the id a typo meant, and nothing for an unrelated word', () => {
    assert.equal(closestRuleId('compose/port-bypass-proxy'), 'compose/port-bypasses-proxy');
    assert.equal(closestRuleId('compose/privilegd'), 'compose/privileged');
    assert.equal(closestRuleId('nginx/server-token'), 'nginx/server-tokens');
    assert.equal(closestRuleId('env/weak-secrets'), 'env/weak-secret');
    assert.equal(closestRuleId('compose/hsts'), undefined);
    assert.equal(closestRuleId('nope/rule'), undefined);
  });

  it('test helpers take only known ids: a misspelt one is a compile error, not a vacuous negative test', () => {
    // @ts-expect-error 'compose/privilegd' is not a RuleId
    const found = lintText('docker-compose.yml', 'services:\n  a:\n    image: x:1\n    privileged: true\n', 'compose/privilegd');
    assert.deepEqual(found, []);
  });
});

describe('engine/config: rule ids in .deploylint.yaml', () => {
  it('a misspelt id is an error naming the key, with the id it probably meant', () => {
    assert.throws(() => parseConfigFile('rules:\n  compose/port-bypass-proxy: off\n'), (e: Error) => e instanceof ConfigError
      && e.message === 'unknown rule "rules.compose/port-bypass-proxy" (did you mean compose/port-bypasses-proxy?) (see: deploylint rules)');
  });
  it('an id like no rule is an error without a guess', () => {
    assert.throws(() => parseConfigFile('rules:\n  nope/rule: off\n'), (e: Error) => e.message === 'unknown rule "rules.nope/rule" (see: deploylint rules)');
  });
  it('known ids pass through', () => {
    assert.deepEqual(parseConfigFile('rules:\n  compose/privileged: warning\n  env/syntax: off\n').rules, { 'compose/privileged': 'warning', 'env/syntax': 'off' });
  });
});
