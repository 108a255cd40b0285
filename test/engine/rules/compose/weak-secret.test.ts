import * as assert from 'node:assert/strict';
import { assertRanges, textOf } from '../../../support/lint';
import { FILE, fixed, run } from './helpers';

const RULE = 'compose/weak-secret';

// Every case here needs judgeSecret/classifyKey from the secrets module (SPEC §4): with its stub,
// nothing is weak and the positive cases fail until the module lands.
describe(RULE, () => {
  it('reports weak literals at the value and weak passwords inside URLs', () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: changeme',
      '      - placeholder',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      - DB_PASSWORD=password',
      '      - DATABASE_URL=postgres://app:postgres@db/app',
      '',
    ].join('\n').replace('      - placeholder\n', '');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:26-5:34', '9:21-9:29', '10:37-10:45']);
    assert.equal(found[0].severity, 'error');
    assert.ok(found.every((f) => !/changeme|password@|postgres@/.test(f.message)));
  });

  it('reports a weak ${VAR:-default} at the default', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-changeme}\n';
    const [f] = run(text, RULE);
    assert.equal(textOf({ [FILE]: text }, f), 'changeme');
  });

  it('does not report strong literals, required variables or non-secrets', () => {
    const text = [
      'services:',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      JWT_SECRET: 9fK2xQ7vLp3ZmN8aR4tY6wB1cD5eH0jS2uV7iO3kG9',
      '      DB_PASSWORD: ${DB_PASSWORD:?DB_PASSWORD must be set}',
      '      DB_USER: postgres',
      '      LOG_LEVEL: changeme',
      '',
    ].join('\n');
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix (unsafe): replaces a weak literal with a generated one', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "changeme"\n';
    assert.equal(run(text, RULE)[0].fixes[0].safe, false);
    const out = fixed(text, RULE);
    assert.match(out.text, /POSTGRES_PASSWORD: "[A-Za-z0-9_-]{32,}"\n$/);
  });

  it('fix: a weak default becomes ${VAR:?VAR must be set}', () => {
    const out = fixed('services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${DB_PASSWORD:-postgres}\n', RULE);
    assert.equal(out.text, 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${DB_PASSWORD:?DB_PASSWORD must be set}\n');
  });

  it('fix: a weak URL password is replaced in place', () => {
    const out = fixed('services:\n  app:\n    image: x:1\n    environment:\n      DATABASE_URL: postgres://app:postgres@db/app\n', RULE);
    assert.match(out.text, /DATABASE_URL: postgres:\/\/app:[A-Za-z0-9_.~-]{16,}@db\/app\n$/);
  });

  it('does not judge an empty default (`${KEY:-}`: optional, nothing written)', () => {
    const text = [
      'services:',
      '  web:',
      '    image: x:1',
      '    environment:',
      '      OPENAI_API_KEY: ${OPENAI_API_KEY:-}',
      '      SMTP_PASSWORD: ${SMTP_PASSWORD-}',
      '      - placeholder',
      '',
    ].join('\n').replace('      - placeholder\n', '');
    assert.deepEqual(run(text, RULE), []);
  });

  it('reports a weak password inside a connection-string default, at the password', () => {
    const text = 'services:\n  worker:\n    image: x:1\n    environment:\n      BROKER_URL: ${BROKER_URL:-redis://:changeme@redis:6379/1}\n      CACHE_URL: ${CACHE_URL:-redis://redis:6379/2}\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:42-5:50']);
    assert.match(found[0].message, /^The password in the default of \$\{BROKER_URL\}/);
    assert.ok(!found[0].message.includes('changeme'));
  });
});
