import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/no-healthcheck';

describe(RULE, () => {
  it('reports a missing healthcheck at the service key and a disabled one at the pair', () => {
    const text = 'services:\n  app:\n    image: x:1\n  off:\n    image: x:1\n    healthcheck:\n      disable: true\n';
    assertRanges(run(text, RULE), RULE, ['2:3-2:6', '6:5-7:20']);
  });

  it('does not report a service with a healthcheck', () => {
    assert.deepEqual(run('services:\n  app:\n    image: x:1\n    healthcheck:\n      test: ["CMD", "true"]\n', RULE), []);
  });

  it('fix: adds pg_isready for postgres (with $$ so compose leaves the variable to the shell)', () => {
    const out = fixed('services:\n  db:\n    image: postgres:16\n', RULE);
    assert.equal(out.text, 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n');
  });

  it('fix: redis-cli ping for redis; no fix for an app', () => {
    assert.match(fixed('services:\n  cache:\n    image: redis:7\n', RULE).text, /test: \["CMD", "redis-cli", "ping"\]/);
    assert.equal(run('services:\n  app:\n    image: x:1\n', RULE)[0].fixes.length, 0);
  });

  it('reports `test: ["NONE"]` and `disable: ${VAR:-true}` as disabled, not `disable: ${VAR:-false}`', () => {
    const text = [
      'services:',
      '  a:',
      '    image: x:1',
      '    healthcheck:',
      '      test: ["NONE"]',
      '  b:',
      '    image: x:1',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '      disable: ${HEALTHCHECK_DISABLED:-true}',
      '  c:',
      '    image: x:1',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '      disable: ${HEALTHCHECK_DISABLED:-false}',
      '',
    ].join('\n');
    assertRanges(run(text, RULE), RULE, ['4:5-5:21', '8:5-10:45']);
  });

  it('counts a healthcheck of the service named in extends', () => {
    const text = 'services:\n  base:\n    image: x:1\n    healthcheck:\n      test: ["CMD", "true"]\n  worker:\n    extends: base\n  off:\n    extends: { service: stopped }\n  stopped:\n    image: x:1\n    healthcheck: { disable: true }\n';
    assertRanges(run(text, RULE), RULE, ['8:3-8:6', '12:5-12:35']);
  });
});
