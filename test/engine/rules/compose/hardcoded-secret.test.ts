import * as assert from 'node:assert/strict';
import { assertRanges, textOf } from '../../../support/lint';
import { FILE, fixed, run } from './helpers';

const RULE = 'compose/hardcoded-secret';

// Cases on credential-shaped keys need classifyKey from the secrets module (ARCHITECTURE.md, Secrets); the
// connection-string cases do not.
describe(RULE, () => {
  it('reports literal credential values in map and list form, at the value', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "Xk9vQ2mL7pR4tW8z"\n  app:\n    image: x:1\n    environment:\n      - JWT_SECRET=9fK2xQ7vLp3ZmN8aR4tY6wB1cD5eH0jS\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:27-5:43', '9:20-9:52']);
    assert.equal(found[0].severity, 'warning');
    assert.ok(!found[0].message.includes('Xk9vQ2'), 'the message never holds the value');
  });

  it('reports the literal password inside a connection string', () => {
    const text = 'services:\n  app:\n    image: x:1\n    environment:\n      DATABASE_URL: postgres://app:q7Vx2LmP9sKd4RtZ@db:5432/app\n';
    const [f] = run(text, RULE);
    assert.equal(textOf({ [FILE]: text }, f), 'q7Vx2LmP9sKd4RtZ');
    assert.ok(!f.message.includes('q7Vx2L'));
  });

  it('does not report ${VAR} values, empty values, *_FILE paths, switches, key file paths, usernames or URLs without password', () => {
    const text = [
      'services:',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      DB_PASSWORD: ${DB_PASSWORD}',
      '      API_TOKEN: "${API_TOKEN:?set it}"',
      '      REDIS_PASSWORD:',
      '      - SMTP_PASSWORD',
      '      DB_PASSWORD_FILE: /run/secrets/db',
      '      DB_USER: app',
      '      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app',
      '      CACHE_URL: redis://cache:6379/0',
      '      SESSION_SECRET_ROTATION: "true"',
      '      VERIFY_JWT: false',
      '      JWT_PRIVATE_KEY: /run/secrets/jwt.pem',
      '      TLS_PRIVATE_KEY: ./certs/server.key',
      '',
    ].join('\n').replace('      REDIS_PASSWORD:\n      - SMTP_PASSWORD\n', '      REDIS_PASSWORD:\n');
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix (safe): moves a URL to a new .env and references it', () => {
    const text = 'services:\n  app:\n    image: x:1\n    environment:\n      DATABASE_URL: postgres://app:q7Vx2LmP9sKd4RtZ@db/app\n';
    assert.equal(run(text, RULE)[0].fixes[0].safe, true);
    const out = fixed(text, RULE);
    assert.equal(out.text, 'services:\n  app:\n    image: x:1\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n');
    assert.equal(out.files['.env'], 'DATABASE_URL=postgres://app:q7Vx2LmP9sKd4RtZ@db/app\n');
  });

  it('fix: list form and flow mapping keep their style; an existing .env keeps CRLF', () => {
    const list = fixed("services:\n  app:\n    image: x:1\n    environment:\n      - 'MONGO_URL=mongodb://root:Zq8$$w0Rk-Lp3vXn7TbY@mongo:27017'\n", RULE, { extra: { '.env': 'TZ=UTC\r\n' } });
    assert.equal(list.text, "services:\n  app:\n    image: x:1\n    environment:\n      - 'MONGO_URL=${MONGO_URL}'\n");
    assert.equal(list.files['.env'], "TZ=UTC\r\nMONGO_URL='mongodb://root:Zq8$w0Rk-Lp3vXn7TbY@mongo:27017'\r\n");
    const flow = fixed('services:\n  app: { image: "x:1", environment: { DB_URL: "mysql://u:Lw7nB4xQ9zK2mT6vR@db/x" } }\n', RULE);
    assert.equal(flow.text, 'services:\n  app: { image: "x:1", environment: { DB_URL: "${DB_URL}" } }\n');
  });

  it('fix: reuses a .env entry with the same value, renames on a conflict', () => {
    const same = fixed('services:\n  app:\n    image: x:1\n    environment:\n      DB_URL: postgres://u:Hn4vX8qL2zR7tK9w@db/x\n', RULE, { extra: { '.env': 'DB_URL=postgres://u:Hn4vX8qL2zR7tK9w@db/x\n' } });
    assert.equal(same.files['.env'], 'DB_URL=postgres://u:Hn4vX8qL2zR7tK9w@db/x\n');
    const other = fixed('services:\n  app:\n    image: x:1\n    environment:\n      DB_URL: postgres://u:Hn4vX8qL2zR7tK9w@db/x\n', RULE, { extra: { '.env': 'DB_URL=postgres://u:other@db/x\n' } });
    assert.equal(other.text, 'services:\n  app:\n    image: x:1\n    environment:\n      DB_URL: ${APP_DB_URL}\n');
    assert.equal(other.files['.env'], 'DB_URL=postgres://u:other@db/x\nAPP_DB_URL=postgres://u:Hn4vX8qL2zR7tK9w@db/x\n');
  });

  it('fix: moves a literal password (needs the secrets module)', () => {
    const out = fixed('services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: correct-horse-battery-staple-42  # prod\n', RULE);
    assert.equal(out.text, 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}  # prod\n');
    assert.equal(out.files['.env'], 'POSTGRES_PASSWORD=correct-horse-battery-staple-42\n');
  });

  it('leaves a weak literal to compose/weak-secret: one token, one finding (ARCHITECTURE.md, Precision)', () => {
    const text = 'services:\n  app:\n    image: x:1\n    environment:\n      DB_PASSWORD: changeme\n      API_SECRET: Xk9vQ2mL7pR4tW8zYb3nC6dF1gH5jK0s\n';
    assertRanges(run(text, RULE), RULE, ['6:19-6:51']);
    assertRanges(run(text, 'compose/weak-secret'), 'compose/weak-secret', ['5:20-5:28']);
  });

  it('does not report `$$` references the container expands at start, but does report a literal with a `$$` in it', () => {
    const text = [
      'services:',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      SESSION_SECRET: "$${SESSION_SECRET_FROM_VAULT}"',
      '      JWT_SECRET: $$JWT_SECRET',
      '      SECRET_KEY: "$$(cat /run/secrets/secret_key)"',
      '      - placeholder',
      '  db:',
      '    image: x:1',
      '    environment:',
      '      - DB_PASSWORD=Tr0ub4dor$$3xkcd-Horse-Battery',
      '',
    ].join('\n').replace('      - placeholder\n', '');
    assertRanges(run(text, RULE), RULE, ['11:21-11:51']);
  });
});
