import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lint, lintText, assertRanges, checkFix, textOf } from '../../../support/lint';
import { parseDotenv, envValues } from '../../../../server/src/engine/parse/dotenv';
import { judgeSecret } from '../../../../server/src/engine/secrets';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { reparseEnv } from './support';

const RULE = 'env/weak-secret';

describe('env/weak-secret', () => {
  it('reports weak, empty, placeholder and default secrets on the value (the key when empty)', () => {
    const text = [
      'GOTRUE_JWT_SECRET=k3J9xQ2m',
      'DB_PASSWORD=changeme',
      'REDIS_PASSWORD=',
      'OPENAI_API_KEY=<your key>',
      'SMTP_PASSWORD="hello456"',
      '',
    ].join('\n');
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['1:19-1:27', '2:13-2:21', '3:1-3:15', '4:16-4:26', '5:16-5:24']);
    assert.equal(found[0].message, 'GOTRUE_JWT_SECRET is 8 bytes; a signing key needs at least 32.');
    assert.equal(found[0].severity, 'error');
    assert.equal(found[2].message, 'REDIS_PASSWORD is empty.');
  });

  it('does not report strong values, provider tokens by length, references or non-secrets', () => {
    const text = [
      'JWT_SECRET=3q2-7wEjq0mX4H8nQ9vA1bL5cZ6dR0tY2uI4oP7sK1w',
      'DB_PASSWORD=Zt8yQ3mV9pL2xK7wN4rB6cD1aE5fG0hJ',
      'OPENAI_API_KEY=sk-proj-abc',
      'POSTGRES_PASSWORD=${DB_PASSWORD}',
      'PASSWORD_MIN_LENGTH=12',
      'POSTGRES_USER=postgres',
      'DATABASE_URL=postgres://app:Zt8yQ3mV9pL2xK7wN4rB6cD1@db:5432/app',
      '',
    ].join('\n');
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('judges the password inside a connection string, with the range on the password only', () => {
    const files = { '.env': 'DATABASE_URL=postgres://app:hello456@db:5432/app\nREDIS_URL=redis://:@cache:6379\n' };
    const found = lint(files, '.env', RULE);
    assertRanges(found, RULE, ['1:29-1:37', '2:11-2:31']);
    assert.equal(textOf(files, found[0]), 'hello456');
    assert.equal(found[0].message, 'The password in DATABASE_URL is a known default.');
    assert.equal(found[1].message, 'The password in REDIS_URL is empty.');
  });

  it('fixes a weak key with a generated 32-byte key that passes the check', () => {
    const fixed = checkFix({ '.env': 'GOTRUE_JWT_SECRET=k3J9xQ2m\n' }, '.env', RULE, { reparse: reparseEnv });
    const v = envValues(parseDotenv(fixed['.env'])).get('GOTRUE_JWT_SECRET')!;
    assert.match(v, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(judgeSecret('GOTRUE_JWT_SECRET', v, DEFAULT_CONFIG.secrets), undefined);
  });

  it('fixes a quoted password inside its quotes, and an empty one', () => {
    const a = checkFix({ '.env': "SMTP_PASSWORD='hello456' # mail\n" }, '.env', RULE, { reparse: reparseEnv });
    assert.match(a['.env'], /^SMTP_PASSWORD='[A-Za-z0-9]{32}' # mail\n$/);
    const b = checkFix({ '.env': 'REDIS_PASSWORD=\r\nA=1\r\n' }, '.env', RULE, { reparse: reparseEnv });
    assert.match(b['.env'], /^REDIS_PASSWORD=[A-Za-z0-9]{32}\r\nA=1\r\n$/);
  });

  it('fixes only the password of a connection string, URL-safe', () => {
    const fixed = checkFix({ '.env': 'DATABASE_URL=postgres://app:hello456@db:5432/app?sslmode=require\n' }, '.env', RULE, { reparse: reparseEnv });
    assert.match(fixed['.env'], /^DATABASE_URL=postgres:\/\/app:[A-Za-z0-9]{32}@db:5432\/app\?sslmode=require\n$/);
  });

  it('offers no generated value for a provider token (only the provider can issue one)', () => {
    const [f] = lintText('.env', 'OPENAI_API_KEY=sk-xxxxxxxxxxxx\n', RULE);
    assert.deepEqual(f.fixes, []);
  });

  it('marks generated fixes as sensitive and not safe (the database must change too)', () => {
    const [f] = lintText('.env', 'DB_PASSWORD=changeme\n', RULE);
    assert.equal(f.fixes[0].safe, false);
    assert.equal(f.fixes[0].sensitive, true);
  });

  describe('real-world templates copied as .env', () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const DEMO_JWT = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ role: 'anon', iss: 'supabase-demo' })}.c2lnbmVk`;

    it('reports a default an app publishes whatever the key is called, on the value, without a generated fix', () => {
      const text = `ANON_KEY=${DEMO_JWT}\nSERVICE_ROLE_KEY=${DEMO_JWT}\nPLUGIN_DAEMON_KEY="lYkiYYT6owG+71oLerGzA7GXCgOT++6ovaezWAjpCjf+Sjc3ZtU+qUEi"\n`;
      const found = lintText('.env', text, RULE);
      const end = 9 + DEMO_JWT.length + 1;
      assertRanges(found, RULE, [`1:10-1:${end}`, `2:18-2:${end + 8}`, '3:20-3:76']);
      assert.equal(found[0].message, 'ANON_KEY is a default the app publishes in its template.');
      assert.equal(found[1].message, 'SERVICE_ROLE_KEY is a default the app publishes in its template.');
      assert.ok(found.every((f) => f.fixes.length === 0 && !f.message.includes('lYki') && !f.message.includes(DEMO_JWT)));
      const tpl = lintText('.env.example', text, RULE);
      assertRanges(tpl, RULE, [`1:10-1:${end}`, `2:18-2:${end + 8}`, '3:20-3:76']);
      assert.ok(tpl.every((f) => f.severity === 'info'));
    });

    it('reports stand-ins and defaults that did not look like placeholders', () => {
      const text = [
        'ADMIN_USER_PWD={replace-me}',
        'AWS_SECRET_ACCESS_KEY=get_the_secret_of_the_key_above',
        'QDRANT_API_KEY=difyai123456',
        'VAULT_ENC_KEY=your-32-character-encryption-key',
        'ENCRYPTION_SECONDARY_KEY=BEEFCAFE',
        'APP_KEY=SomeRandomStringOf32CharsExactly',
        'SESSION_SECRET=OurVeryLongSessionSecretForTheWebsite2024',
        '',
      ].join('\n');
      const found = lintText('.env', text, RULE);
      assertRanges(found, RULE, ['1:16-1:28', '2:23-2:54', '3:16-3:28', '4:15-4:47', '5:26-5:34', '6:9-6:41', '7:16-7:57']);
      assert.deepEqual(found.map((f) => f.message), [
        'ADMIN_USER_PWD is a placeholder.',
        'AWS_SECRET_ACCESS_KEY is a placeholder.',
        'QDRANT_API_KEY is a known default.',
        'VAULT_ENC_KEY is a placeholder.',
        'ENCRYPTION_SECONDARY_KEY is 8 bytes; a signing key needs at least 32.',
        'APP_KEY is a known default.',
        'SESSION_SECRET is low-entropy (made of dictionary words).',
      ]);
    });

    it('does not report switches, files holding the secret, or long random hex keys', () => {
      // 128 hex digits (`openssl rand -hex 64`): only 16 distinct characters, but 512 bits.
      const hex = createHash('sha512').update('deploylint').digest('hex');
      const text = [
        'FUNCTIONS_VERIFY_JWT=false',
        'COOKIE_SECRET=true',
        'JWT_PRIVATE_KEY=/run/secrets/jwt_key',
        'OIDC_PRIVATE_KEY=./keys/oidc.pem',
        `SECRET_KEY_BASE=${hex}`,
        'PASSWORD_RESET_ENABLED=true',
        'TOKEN_EXPIRY=3600',
        'SECRET_BACKEND=vault',
        '',
      ].join('\n');
      assert.deepEqual(lintText('.env', text, RULE), []);
    });
  });

  describe('templates', () => {
    it('reports only known defaults, at info, saying users copy them verbatim', () => {
      const text = 'DB_PASSWORD=changeme\nJWT_SECRET=\nAPI_KEY=<your key>\nS3_SECRET_KEY=your-s3-secret\nSECRET_KEY=generate_a_new_key\nMINIO_ROOT_PASSWORD=minioadmin\nDB_ROOT_PASSWORD=123\n';
      const found = lintText('.env.example', text, RULE);
      assertRanges(found, RULE, ['1:13-1:21', '6:21-6:31', '7:18-7:21']);
      assert.ok(found.every((f) => f.severity === 'info'));
      assert.match(found[2].message, /^DB_ROOT_PASSWORD is guessable \(strength 0 of 4\)/);
      assert.equal(found[0].severity, 'info');
      assert.match(found[0].message, /^DB_PASSWORD is a known default \(in a template: users who do not change it copy it verbatim\)\.$/);
    });

    it('fixes a template default by clearing it', () => {
      const fixed = checkFix({ '.env.example': 'DB_PASSWORD=changeme\n' }, '.env.example', RULE, { reparse: reparseEnv });
      assert.equal(fixed['.env.example'], 'DB_PASSWORD=\n');
    });
  });
});
