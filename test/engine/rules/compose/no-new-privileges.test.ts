import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/no-new-privileges';

describe(RULE, () => {
  it('reports a service without it, at the service key', () => {
    const found = run('services:\n  web:\n    image: x:1\n', RULE);
    assertRanges(found, RULE, ['2:3-2:6']);
    assert.equal(found[0].severity, 'info');
    assert.equal(found[0].fixes[0].safe, true);
  });

  it('accepts the colon, equals and bare forms, also through an x- block', () => {
    const text = 'x-sec: &sec\n  security_opt: ["no-new-privileges=true"]\nservices:\n  a:\n    image: x:1\n    security_opt: [no-new-privileges:true]\n  b:\n    <<: *sec\n    image: x:1\n  c:\n    image: x:1\n    security_opt:\n      - no-new-privileges\n';
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix: adds a block list with the file indent (4 spaces)', () => {
    const out = fixed('services:\n    web:\n        image: x:1\n        restart: always\n', RULE);
    assert.equal(out.text, 'services:\n    web:\n        image: x:1\n        restart: always\n        security_opt:\n            - no-new-privileges:true\n');
  });

  it('fix: follows indentless sequences and appends to an existing list', () => {
    const out = fixed('services:\n  web:\n    image: x:1\n    cap_drop:\n    - ALL\n', RULE);
    assert.equal(out.text, 'services:\n  web:\n    image: x:1\n    cap_drop:\n    - ALL\n    security_opt:\n    - no-new-privileges:true\n');
    const flow = fixed('services:\n  web:\n    image: x:1\n    security_opt: ["apparmor:docker-default"]\n', RULE);
    assert.equal(flow.text, 'services:\n  web:\n    image: x:1\n    security_opt: ["apparmor:docker-default", "no-new-privileges:true"]\n');
  });

  it('counts security_opt of the service named in extends (merged by compose), not of unrelated services', () => {
    const text = 'services:\n  base:\n    image: x:1\n    security_opt: [no-new-privileges:true]\n  worker:\n    extends: base\n  lone:\n    image: x:1\n';
    assertRanges(run(text, RULE), RULE, ['7:3-7:7']);
  });

  it('does not report a provider service (no container)', () => {
    assert.deepEqual(run('services:\n  db:\n    provider:\n      type: awesomecloud\n      options: { type: mysql }\n', RULE), []);
  });
});
