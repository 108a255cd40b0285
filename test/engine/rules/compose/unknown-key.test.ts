import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/unknown-key';

describe(RULE, () => {
  it('reports a typo at the key, with a suggestion', () => {
    const found = run('services:\n  app:\n    image: x:1\n    securty_opt: ["no-new-privileges:true"]\n', RULE);
    assertRanges(found, RULE, ['4:5-4:16']);
    assert.match(found[0].message, /did you mean `security_opt`\?/);
    assert.equal(found[0].severity, 'warning');
  });

  it('reports nested keys (long-syntax ports, healthcheck) and top-level ones', () => {
    const text = 'servics: {}\nservices:\n  app:\n    image: x:1\n    ports:\n      - target: 80\n        host-ip: 127.0.0.1\n    healthcheck:\n      test: ["CMD", "true"]\n      intervall: 10s\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['1:1-1:8', '7:9-7:16', '10:7-10:16']);
    assert.match(found[1].message, /`host_ip`/);
  });

  it('finds a key that comes through a merge key at its anchored source', () => {
    const text = 'x-base: &base\n  restrat: always\nservices:\n  app:\n    <<: *base\n    image: x:1\n';
    assertRanges(run(text, RULE), RULE, ['2:3-2:10']);
  });

  it('accepts x- extensions, no version key, newer spec keys and a full service', () => {
    const text = [
      'name: stack',
      'x-common: &c { restart: unless-stopped }',
      'services:',
      '  app:',
      '    <<: *c',
      '    image: x:1',
      '    x-note: anything',
      '    develop: { watch: [] }',
      '    uts: host',
      '    healthcheck: { test: ["CMD", "true"], start_interval: 5s }',
      '    depends_on: { db: { condition: service_healthy, restart: true } }',
      '    deploy: { resources: { limits: { memory: 512M } } }',
      '  db:',
      '    image: postgres:16',
      'networks:',
      '  backend: { internal: true }',
      '',
    ].join('\n');
    assert.deepEqual(run(text, RULE), []);
  });

  it('stays quiet when the YAML itself is broken (compose/syntax reports that)', () => {
    assert.deepEqual(run('services:\n  app:\n    image: [x\n', RULE), []);
  });
});
