import * as assert from 'node:assert/strict';
import { assertRanges, textOf } from '../../../support/lint';
import { FILE, fixed, run } from './helpers';

const RULE = 'compose/weak-secret';

// Every case here needs judgeSecret/classifyKey from the secrets module (ARCHITECTURE.md, Secrets): with its stub,
// nothing is weak and the positive cases fail until the module lands.
describe(RULE, () => {
  it('reports weak literals at the value and weak passwords inside URLs', () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    ports: ["5432:5432"]',
      '    environment:',
      '      POSTGRES_PASSWORD: changeme',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      - DB_PASSWORD=password',
      '      - DATABASE_URL=postgres://app:postgres@db/app',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['6:26-6:34', '10:21-10:29', '11:37-11:45']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error', 'error']);
    assert.ok(found.every((f) => !/changeme|password@|postgres@/.test(f.message)));
  });

  it('an unpublished datastore\'s password is defence in depth: warning for a committed literal, info for a default (ARCHITECTURE.md, Precision)', () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    expose: ["5432"]',
      '    environment:',
      '      POSTGRES_PASSWORD: changeme',
      '      POSTGRES_DB: ${DB_NAME:-app}',
      '  cache:',
      '    image: redis:7',
      '    command: ["--requirepass", "${REDIS_PASSWORD:-redis}"]',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      - DATABASE_URL=postgres://app:postgres@db/app',
      '      - DB_PASSWORD=${DB_PASSWORD:-changeme}',
      '      - JWT_SECRET=short',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['6:26-6:34', '14:37-14:45', '15:36-15:44', '16:20-16:25']);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning', 'info', 'error']);
    assert.match(found[0].message, /committed with the file \(the datastore is not published, so this is defence in depth/);
  });

  it('a pooler published in front of the datastore makes its password reachable (pgbouncer counts as postgres)', () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: changeme',
      '  pooler:',
      '    image: edoburu/pgbouncer:1.23',
      '    ports: ["6432:5432"]',
      '    environment:',
      '      DB_HOST: db',
      '  other:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: changeme',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:26-5:34', '14:26-14:34']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'warning']);
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

  it('`!reset null` removes an inherited value: not a secret (neither weak nor hardcoded)', () => {
    const text = 'services:\n  db:\n    image: mariadb:11\n    environment:\n      MYSQL_ROOT_PASSWORD: !reset null\n      MYSQL_PASSWORD: changeme\n';
    assertRanges(run(text, RULE), RULE, ['6:23-6:31']);
    assert.deepEqual(run(text, 'compose/hardcoded-secret'), []);
  });

  it('an app\'s copy of a datastore password follows the datastore it names: its host setting, else its family', () => {
    const text = [
      'services:',
      '  pg:',
      '    image: postgres:16',
      '  my:',
      '    image: mariadb:11',
      '    ports: ["3306:3306"]',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      DB_POSTGRES_HOST: pg',
      '      DB_POSTGRES_PASSWORD: changeme',
      '      PDNS_gmysql_host: my',
      '      PDNS_gmysql_password: changeme',
      '      POSTGRES_PASSWORD: changeme',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['11:29-11:37', '13:29-13:37', '14:26-14:34']);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'error', 'warning']);
  });

  it('a weak password of an unpublished datastore on n8n\'s network is an error: any n8n user can connect to it; elsewhere defence in depth', () => {
    const text = (app: string) => [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: changePassword',
      '  app:',
      `    image: ${app}`,
      '',
    ].join('\n');
    const n8n = run(text('n8nio/n8n:1.90.0'), RULE);
    assertRanges(n8n, RULE, ['5:26-5:40']);
    assert.equal(n8n[0].severity, 'error');
    assert.match(n8n[0].message, /any user of n8n \(service `app`\) can connect to it/);
    const other = run(text('ghcr.io/acme/app:1.0'), RULE);
    assertRanges(other, RULE, ['5:26-5:40']);
    // A placeholder does not work as it stands: defence in depth, info.
    assert.equal(other[0].severity, 'info');
  });

  it('SOGo\'s URL key default is info (it only obfuscates user names); Pi-hole v6\'s ignored WEBPASSWORD is a warning', () => {
    const text = [
      'services:',
      '  sogo:',
      '    image: ghcr.io/mailcow/sogo:1.133',
      '    environment:',
      '      - SOGO_URL_ENCRYPTION_KEY=${SOGO_URL_ENCRYPTION_KEY:-SOGoSuperSecret0}',
      '  pihole:',
      '    image: pihole/pihole:latest',
      '    environment:',
      '      WEBPASSWORD: changeme',
      '  old:',
      '    image: pihole/pihole:2024.07.0',
      '    environment:',
      '      WEBPASSWORD: changeme',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:60-5:76', '9:20-9:28', '13:20-13:28']);
    assert.deepEqual(found.map((f) => f.severity), ['info', 'warning', 'error']);
    assert.match(found[0].message, /only to obfuscate user names/);
    assert.match(found[1].message, /Pi-hole v6, which ignores WEBPASSWORD/);
  });
});
