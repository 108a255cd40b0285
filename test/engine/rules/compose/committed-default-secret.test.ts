import * as assert from 'node:assert/strict';
import { assertRanges, lint, textOf } from '../../../support/lint';
import { FILE, fixed, run } from './helpers';

const RULE = 'compose/committed-default-secret';
const KEY = 'haEae1Qx9ZpT4mWv7LrB2sYk8NcJ3uFd6GhX0oPq';

describe(RULE, () => {
  it('reports a random-looking default of a credential variable at the default, as an error', () => {
    const text = `services:\n  api:\n    image: ghcr.io/fluxbase/fluxbase:1.0\n    environment:\n      FLUXBASE_AUTH_JWT_SECRET: \${FLUXBASE_AUTH_JWT_SECRET:-${KEY}}\n`;
    const found = run(text, RULE);
    assertRanges(found, RULE, [`5:61-5:${61 + KEY.length}`]);
    assert.equal(found[0].severity, 'error');
    assert.equal(textOf({ [FILE]: text }, found[0]), KEY);
    assert.ok(!found[0].message.includes(KEY), 'the message never holds the secret');
  });

  it('reports the list form, at info in a template', () => {
    const text = `services:\n  api:\n    image: app:1\n    environment:\n      - JWT_SECRET=\${JWT_SECRET:-${KEY}}\n`;
    assertRanges(run(text, RULE), RULE, [`5:34-5:${34 + KEY.length}`]);
    const [f] = lint({ 'docker-compose.example.yml': text }, 'docker-compose.example.yml', RULE);
    assert.equal(f.severity, 'info');
  });

  it('does not report weak defaults (weak-secret\'s), required variables, literals, non-credentials or human-made values', () => {
    const text = [
      'services:',
      '  api:',
      '    image: app:1',
      '    environment:',
      '      JWT_SECRET: ${JWT_SECRET:-changeme}',
      '      SESSION_SECRET: ${SESSION_SECRET:?must be set}',
      `      BUILD_ID: \${BUILD_ID:-${KEY}}`,
      '      DB_PASSWORD: ${DB_PASSWORD:-CorrectHorseBatteryStapleMountain}',
      '      EMPTY_TOKEN: ${EMPTY_TOKEN:-}',
      '',
    ].join('\n');
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix (unsafe): requires the variable instead', () => {
    const text = `services:\n  api:\n    image: app:1\n    environment:\n      JWT_SECRET: "\${JWT_SECRET:-${KEY}}"\n`;
    assert.equal(fixed(text, RULE).text, 'services:\n  api:\n    image: app:1\n    environment:\n      JWT_SECRET: "${JWT_SECRET:?JWT_SECRET must be set}"\n');
  });
});
