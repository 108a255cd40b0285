import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/privileged';

describe(RULE, () => {
  it('reports `privileged: true` and the string "true", at the pair', () => {
    const text = 'services:\n  a:\n    image: x:1\n    privileged: true\n  b:\n    image: x:1\n    privileged: "true"\n';
    assertRanges(run(text, RULE), RULE, ['4:5-4:21', '7:5-7:23']);
  });

  it('does not report false, "false" or absence', () => {
    assert.deepEqual(run('services:\n  a:\n    image: x:1\n    privileged: false\n  b:\n    image: x:1\n    privileged: "false"\n  c:\n    image: x:1\n', RULE), []);
  });

  it('reports it once when it comes from an x- block merged into two services', () => {
    const text = 'x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: x:1\n  b:\n    <<: *base\n    image: y:1\n';
    assertRanges(run(text, RULE), RULE, ['2:3-2:19']);
  });

  it('fix: removes the line, keeping comments around it', () => {
    const out = fixed('services:\n  a:\n    image: x:1\n    # needed? no\n    privileged: true # why\n    restart: always\n', RULE);
    assert.equal(out.text, 'services:\n  a:\n    image: x:1\n    # needed? no\n    restart: always\n');
  });

  it('fix: removes the pair from a flow mapping', () => {
    const out = fixed('services:\n  a: { image: "x:1", privileged: true, restart: always }\n', RULE);
    assert.equal(out.text, 'services:\n  a: { image: "x:1", restart: always }\n');
  });

  it('a host firewall manager runs privileged by design: info; any other image stays error', () => {
    const text = 'services:\n  fw:\n    image: ghcr.io/mailcow/netfilter:1.64\n    privileged: true\n  app:\n    image: x:1\n    privileged: true\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['4:5-4:21', '7:5-7:21']);
    assert.deepEqual(found.map((f) => f.severity), ['info', 'error']);
  });
});
