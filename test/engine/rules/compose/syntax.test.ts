import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/syntax';

describe(RULE, () => {
  it('reports YAML errors where they are, once per line', () => {
    const found = run('services:\n  app:\n    image: x:1\n    image: y:2\n', RULE);
    assertRanges(found, RULE, ['4:5-4:6']);
    assert.match(found[0].message, /unique/);
    assert.equal(found[0].severity, 'error');
  });

  it('reports `services` that is not a mapping, and a service that is not one', () => {
    assertRanges(run('services:\n  - app\n', RULE), RULE, ['2:3-2:8']);
    assertRanges(run('services:\n  app: nginx\n', RULE), RULE, ['2:8-2:13']);
  });

  it('accepts a file with no version key, an empty file and comments only', () => {
    assert.deepEqual(run('services:\n  app:\n    image: x:1\n', RULE), []);
    assert.deepEqual(run('', RULE), []);
    assert.deepEqual(run('# nothing yet\n', RULE), []);
  });

  it('never throws on garbage', () => {
    for (const t of ['{{{', ': : :', '\t\tservices:\n', '*a', '&a [*a]', 'services: &s\n  a: *s\n', '<<: 3\n']) run(t, RULE);
  });
});
