import * as assert from 'node:assert/strict';
import { allRules } from '../../../server/src/engine';
import { lintText } from '../../support/lint';

/** The file name each language's example is linted as. */
const FILE = { compose: 'docker-compose.yml', nginx: 'nginx.conf', env: '.env' } as const;

// A rule page's example must show what the rule does: the bad fragment is reported, the good one is not.
describe('rule docs examples', () => {
  for (const r of allRules().filter((x) => x.docs.bad || x.docs.good)) {
    it(r.id, () => {
      if (r.docs.bad) assert.ok(lintText(FILE[r.language], r.docs.bad, r.id).length > 0, 'bad example is not reported');
      if (r.docs.good) assert.deepEqual(lintText(FILE[r.language], r.docs.good, r.id).map((f) => f.message), [], 'good example is reported');
    });
  }
});
