import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/datastore-not-isolated';

describe(RULE, () => {
  it('reports a datastore on the default network or a non-internal one, at its key', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: valkey/valkey:8\n    networks: [backend]\nnetworks:\n  backend:\n    driver: bridge\n';
    assertRanges(run(text, RULE), RULE, ['2:3-2:5', '4:3-4:8']);
  });

  it('does not report a datastore on an internal network, or apps', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    networks:\n      backend:\n        aliases: [pg]\n  app:\n    image: x:1\nnetworks:\n  backend:\n    internal: true\n';
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix (unsafe): sets internal: true on the declared network', () => {
    const text = 'services:\n  db:\n    image: mariadb:11\n    networks: [backend]\nnetworks:\n  backend:\n    driver: bridge\n';
    assert.equal(run(text, RULE)[0].fixes[0].safe, false);
    assert.equal(fixed(text, RULE).text, 'services:\n  db:\n    image: mariadb:11\n    networks: [backend]\nnetworks:\n  backend:\n    driver: bridge\n    internal: true\n');
  });

  it('offers no fix on the default network', () => {
    assert.equal(run('services:\n  db:\n    image: mongo:7\n', RULE)[0].fixes.length, 0);
  });
});
