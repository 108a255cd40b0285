import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/no-resource-limits';

describe(RULE, () => {
  it('reports a service with no memory limit at its key', () => {
    assertRanges(run('services:\n  app:\n    image: x:1\n  ok:\n    image: x:1\n    mem_limit: 512m\n', RULE), RULE, ['2:3-2:6']);
  });

  it('accepts deploy.resources.limits.memory, also merged from an x- block', () => {
    const text = 'x-limits: &limits\n  deploy:\n    resources:\n      limits:\n        memory: 1G\nservices:\n  a:\n    <<: *limits\n    image: x:1\n';
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix (unsafe): adds deploy.resources.limits, a bigger guess for datastores', () => {
    const [f] = run('services:\n  db:\n    image: postgres:16\n', RULE);
    assert.equal(f.fixes[0].safe, false);
    assert.equal(fixed('services:\n  db:\n    image: postgres:16\n', RULE).text, 'services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n');
  });

  it('fix: completes an existing deploy section, and uses mem_limit in 2.x files', () => {
    const out = fixed('services:\n  app:\n    image: x:1\n    deploy:\n      replicas: 2\n', RULE);
    assert.equal(out.text, 'services:\n  app:\n    image: x:1\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 512M\n');
    const v2 = fixed('version: "2.4"\nservices:\n  app:\n    image: x:1\n', RULE);
    assert.equal(v2.text, 'version: "2.4"\nservices:\n  app:\n    image: x:1\n    mem_limit: 512m\n');
  });

  it('counts a limit of the service named in extends, in another file too', () => {
    const text = 'services:\n  web:\n    extends: { file: base.yml, service: web }\n  api:\n    extends: { file: base.yml, service: nolimit }\n';
    const base = 'services:\n  web:\n    image: x:1\n    deploy: { resources: { limits: { memory: 256M } } }\n  nolimit:\n    image: x:1\n';
    assertRanges(run(text, RULE, { 'base.yml': base }), RULE, ['4:3-4:6']);
  });
});
