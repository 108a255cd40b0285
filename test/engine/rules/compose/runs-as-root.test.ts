import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/runs-as-root';

describe(RULE, () => {
  it('reports a missing user at the service key and root/0 at the pair', () => {
    const text = 'services:\n  a:\n    image: x:1\n  b:\n    image: x:1\n    user: root\n  c:\n    image: x:1\n    user: "0:0"\n';
    assertRanges(run(text, RULE), RULE, ['2:3-2:4', '6:5-6:15', '9:5-9:16']);
  });

  it('does not report non-root users or datastores', () => {
    assert.deepEqual(run('services:\n  a:\n    image: x:1\n    user: "1000:1000"\n  db:\n    image: postgres:16\n', RULE), []);
  });
});
