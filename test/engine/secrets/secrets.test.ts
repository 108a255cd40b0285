import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { classifyKey, judgeSecret, generateSecret, urlCredentials, leakedCredentialFormat, isPlaceholder, isPublishedDefault } from '../../../server/src/engine/secrets';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';

const cfg = DEFAULT_CONFIG.secrets;
const judge = (name: string, value: string, template = false) => judgeSecret(name, value, cfg, { template })?.reason;

describe('secrets', () => {
  describe('classifyKey', () => {
    const cases: [string, string | undefined][] = [
      ['DB_PASSWORD', 'password'], ['SMTP_PASS', 'password'], ['dbPassword', 'password'], ['MYSQL_ROOT_PASSWORD', 'password'],
      ['GOTRUE_JWT_SECRET', 'key'], ['SECRET_KEY_BASE', 'key'], ['PASSWORD_SALT', 'key'], ['AFFINE_PRIVATE_KEY', 'key'], ['MINIO_KMS_SECRET_KEY', 'key'],
      ['OPENAI_API_KEY', 'token'], ['GITHUB_TOKEN', 'token'], ['GOOGLE_CLIENT_SECRET', 'token'], ['STRIPE_SECRET_KEY', 'token'], ['AWS_SECRET_ACCESS_KEY', 'token'],
      // SPEC exclusions and settings about a secret.
      ['POSTGRES_PASSWORD_FILE', undefined], ['AWS_ACCESS_KEY_ID', undefined], ['MINIO_ROOT_USER', undefined], ['SESSION_COOKIE_NAME', undefined],
      ['NEXT_PUBLIC_API_KEY', undefined], ['STRIPE_PUBLISHABLE_KEY', undefined], ['PASSWORD_MIN_LENGTH', undefined], ['GOTRUE_JWT_EXP', undefined],
      ['GOTRUE_REFRESH_TOKEN_EXP', undefined], ['TOKEN_TTL', undefined], ['JWT_ALGORITHM', undefined], ['GOTRUE_JWT_ADMIN_ROLES', undefined],
      ['GOTRUE_PASSWORD_REQUIRED_CHARACTERS', undefined], ['BYPASS_CACHE', undefined], ['MAX_TOKENS', undefined], ['PWD', undefined], ['SECRETS_DIR', undefined],
      ['MYSQL_RANDOM_ROOT_PASSWORD', undefined], ['MYSQL_ALLOW_EMPTY_PASSWORD', undefined], ['VITE_RESET_PASSWORD', undefined],
    ];
    for (const [name, kind] of cases) it(`${name} -> ${kind ?? 'not a secret'}`, () => assert.equal(classifyKey(name), kind));
  });

  describe('judgeSecret', () => {
    it('reports empty, placeholder and known defaults in any kind', () => {
      assert.equal(judge('DB_PASSWORD', ''), 'is empty');
      assert.equal(judge('DB_PASSWORD', '<your password>'), 'is a placeholder');
      assert.equal(judge('OPENAI_API_KEY', 'sk-xxxxxxxxxxxx'), 'is a placeholder');
      assert.equal(judge('DB_PASSWORD', 'your_generated_secure_password_here'), 'is a placeholder');
      assert.equal(judge('POSTGRES_PASSWORD', 'changePassword'), 'is a placeholder');
      for (const v of ['hello456', 'minioadmin', 'postgres', 'your-256-bit-secret', 'my-secret-key-123', 'supersecret', 'changeme', 'CHANGE_ME']) {
        assert.equal(judge('JWT_SECRET', v), 'is a known default', v);
      }
    });

    it('measures keys in bytes and passwords in characters, with the configured thresholds', () => {
      assert.equal(judge('GOTRUE_JWT_SECRET', 'k3J9xQ2m'), 'is 8 bytes; a signing key needs at least 32');
      assert.equal(judge('DB_PASSWORD', 'Zt8yQ3mV9p'), 'is 10 characters; a password needs at least 16');
      assert.equal(judgeSecret('DB_PASSWORD', 'Zt8yQ3mV9pL2', { minPasswordLength: 8, minKeyBytes: 32 }), undefined);
      assert.equal(judgeSecret('JWT_SECRET', 'k3J9xQ2mZt8yQ3mV', { minPasswordLength: 16, minKeyBytes: 16 }), undefined);
    });

    it('calls your-256-bit-secret weak and a random hex key strong (per-character entropy cannot tell them apart)', () => {
      assert.ok(judge('JWT_SECRET', 'your-256-bit-secret'));
      assert.equal(judge('JWT_SECRET', randomBytes(32).toString('hex')), undefined);
    });

    it('never calls a long random API key or secret weak', () => {
      for (let i = 0; i < 20; i++) {
        assert.equal(judge('OPENAI_API_KEY', 'sk-proj-' + randomBytes(36).toString('base64url')), undefined);
        assert.equal(judge('JWT_SECRET', randomBytes(32).toString('base64')), undefined);
        assert.equal(judge('DB_PASSWORD', randomBytes(24).toString('base64url')), undefined);
      }
    });

    it('does not judge third-party tokens by length', () => {
      assert.equal(judge('TELEGRAM_BOT_TOKEN', 'abc'), undefined);
    });

    it('finds guessable passwords and word-made keys with zxcvbn', () => {
      assert.match(judge('DB_PASSWORD', 'MySuperSecurePassword123!')!, /guessable/);
      assert.match(judge('DB_PASSWORD', 'aaaaaaaaaaaaaaaaaaaa')!, /guessable/);
      assert.match(judge('JWT_SECRET', 'this_is_a_very_long_secret_key_for_jwt_signing')!, /low-entropy/);
      assert.equal(judge('DB_PASSWORD', 'kqzvbmtrplxwhfdsnyue'), undefined);
    });

    it('leaves ${VAR} references to the workspace model', () => {
      assert.equal(judge('DB_PASSWORD', '${POSTGRES_PASSWORD}'), undefined);
      assert.equal(judge('AFFINE_PRIVATE_KEY', '$(cat private.key)'), undefined);
      assert.equal(judge('DB_PASSWORD', '{{ .DbPassword }}'), undefined);
    });

    it('in a template reports only known defaults', () => {
      assert.equal(judge('DB_PASSWORD', '', true), undefined);
      assert.equal(judge('DB_PASSWORD', '<secret>', true), undefined);
      assert.equal(judge('DB_PASSWORD', 'your-db-password', true), undefined);
      assert.equal(judge('SECRET_KEY', 'generate_a_new_key', true), undefined);
      assert.equal(judge('DB_PASSWORD', '123', true), 'is guessable (strength 0 of 4)');
      assert.equal(judge('OPENAI_API_KEY', 'abc', true), undefined);
      assert.equal(judge('DB_PASSWORD', 'changeme', true), 'is a known default');
      assert.equal(judge('MINIO_ROOT_PASSWORD', 'minioadmin', true), 'is a known default');
    });

    it('never puts the value in the reason', () => {
      for (const v of ['hello456', 'k3J9xQ2m', 'MySuperSecurePassword123!', '']) {
        const r = judge('JWT_SECRET', v) ?? '';
        if (v) assert.ok(!r.includes(v), r);
      }
    });
  });

  describe('generateSecret', () => {
    it('makes keys of 32 random bytes (base64url) that pass judgeSecret and differ each time', () => {
      const a = generateSecret('JWT_SECRET'), b = generateSecret('JWT_SECRET');
      assert.match(a, /^[A-Za-z0-9_-]{43}$/);
      assert.notEqual(a, b);
      assert.equal(judge('JWT_SECRET', a), undefined);
    });

    it('makes hex keys when the name says HEX or the old value was hex', () => {
      assert.match(generateSecret('ENCRYPTION_KEY_HEX'), /^[0-9a-f]{64}$/);
      assert.match(generateSecret('ENCRYPTION_KEY', 'deadbeefdeadbeefdeadbeefdeadbeef'), /^[0-9a-f]{64}$/);
    });

    it('makes passwords of 32 letters and digits that pass judgeSecret and differ each time', () => {
      const seen = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const p = generateSecret('DB_PASSWORD', 'changeme');
        assert.match(p, /^[A-Za-z0-9]{32}$/);
        assert.equal(judge('DB_PASSWORD', p), undefined);
        seen.add(p);
      }
      assert.equal(seen.size, 50);
    });

    it('is URL-safe inside a connection string, whatever the kind', () => {
      assert.match(generateSecret('JWT_SECRET', '', { urlSafe: true }), /^[A-Za-z0-9]{32}$/);
    });
  });

  describe('urlCredentials', () => {
    it('finds the password of postgres, mongodb and redis URLs with its offsets', () => {
      for (const [url, pw] of [
        ['postgres://user:pa%40ss@db:5432/app', 'pa@ss'],
        ['mongodb+srv://u:hunter2@cluster0.example.net/db?retryWrites=true', 'hunter2'],
        ['redis://:s3cret@cache:6379/0', 's3cret'],
      ]) {
        const [c] = urlCredentials(url);
        assert.equal(c.password, pw);
        assert.equal(url.slice(c.passwordStart, c.passwordEnd), c.rawPassword);
      }
      assert.deepEqual(urlCredentials('postgres://user@db/app'), []);
    });
  });

  describe('leakedCredentialFormat', () => {
    it('names live formats and skips placeholders', () => {
      assert.equal(leakedCredentialFormat('AKIAIOSFODNN7EXAMPLQ')?.name, 'an AWS access key id');
      assert.equal(leakedCredentialFormat('ghp_' + 'a1B2c3D4e5'.repeat(4))?.name, 'a GitHub token');
      assert.equal(leakedCredentialFormat('ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), undefined);
      assert.equal(leakedCredentialFormat('sk_live_...'), undefined);
    });

    it('skips the documentation\'s example keys', () => {
      assert.equal(leakedCredentialFormat('AKIAIOSFODNN7EXAMPLE'), undefined);
      assert.equal(leakedCredentialFormat('AKIAZ3EXAMPLEKEY1234'), undefined);
    });
  });

  describe('audit of real-world templates (Supabase, Dify, Outline, Plausible, Documenso, Laravel apps)', () => {
    it('classifies enc/crypto keys, keys with a modifier before KEY, and Laravel\'s APP_KEY as keys', () => {
      assert.equal(classifyKey('VAULT_ENC_KEY'), 'key');
      assert.equal(classifyKey('PG_META_CRYPTO_KEY'), 'key');
      assert.equal(classifyKey('APP_CIPHER_KEY'), 'key');
      assert.equal(classifyKey('NEXT_PRIVATE_ENCRYPTION_SECONDARY_KEY'), 'key');
      assert.equal(classifyKey('JWT_OLD_KEY'), 'key');
      assert.equal(classifyKey('APP_KEY'), 'key');
      // An app key of a provider is its public id; an event key is not a secret.
      assert.equal(classifyKey('DROPBOX_APP_KEY'), undefined);
      assert.equal(classifyKey('PUSHER_APP_KEY'), undefined);
      assert.equal(classifyKey('INNGEST_EVENT_KEY'), undefined);
    });

    it('does not take a switch about JWTs for a key, but keeps webhook verify tokens', () => {
      assert.equal(classifyKey('FUNCTIONS_VERIFY_JWT'), undefined);
      assert.equal(classifyKey('VALIDATE_JWT'), undefined);
      assert.equal(classifyKey('WHATSAPP_VERIFY_TOKEN'), 'token');
      assert.equal(classifyKey('GOTRUE_JWT_SECRET'), 'key');
    });

    it('does not judge booleans or files holding the secret', () => {
      assert.equal(judge('COOKIE_SECRET', 'false'), undefined);
      assert.equal(judge('DB_PASSWORD', 'TRUE'), undefined);
      assert.equal(judge('JWT_PRIVATE_KEY', '/run/secrets/jwt'), undefined);
      assert.equal(judge('OIDC_PRIVATE_KEY', './keys/oidc.pem'), undefined);
      assert.equal(judge('SIGNING_KEY', '~/keys/signing.key'), undefined);
      // A base64 key may start with a slash; without an extension it is still judged.
      assert.equal(judge('JWT_SECRET', '/aB3/x9'), 'is 7 bytes; a signing key needs at least 32');
    });

    it('never calls a long random hex key repetitive (16 symbols carry 4 bits each)', () => {
      for (let i = 0; i < 20; i++) {
        assert.equal(judge('SECRET_KEY_BASE', randomBytes(64).toString('hex')), undefined);
        assert.equal(judge('SECRET_KEY_BASE', randomBytes(48).toString('hex').toUpperCase()), undefined);
      }
      assert.equal(judge('SESSION_SECRET', 'ab'.repeat(20)), 'is low-entropy (a repeated pattern)');
      assert.equal(judge('SESSION_SECRET', 'aaaabbbbaaaabbbbbbbbaaaabbbbaaaabbbb'), 'is low-entropy (a repeated pattern)');
    });

    it('finds sequences and CamelCase phrases in keys', () => {
      assert.equal(judge('ENCRYPTION_KEY', '0123456789'.repeat(3) + '01'), 'is low-entropy (a predictable pattern)');
      assert.equal(judge('ENCRYPTION_KEY', 'abcdefghijklmnopqrstuvwxyz123456'), 'is low-entropy (a predictable pattern)');
      assert.equal(judge('SESSION_SECRET', 'ThisIsTheLongSessionSecretOfOurWebsite2024'), 'is low-entropy (made of dictionary words)');
      assert.equal(judge('SESSION_SECRET', 'Kx8pQ2mN7vR4tY9wZ3bC6dF1gH5jL0aSe'), undefined);
    });

    it('knows stand-ins that are not placeholders by shape: `{replace-me}`, `get_a_key_from_...`', () => {
      assert.equal(judge('ADMIN_USER_PWD', '{replace-me}'), 'is a placeholder');
      assert.equal(judge('AWS_SECRET_ACCESS_KEY', 'get_the_secret_of_the_key_above'), 'is a placeholder');
      assert.equal(judge('APP_SECRET', 'paste-your-secret-here-now'), 'is a placeholder');
      assert.equal(isPlaceholder('{"a": 1}'), false);
      assert.equal(isPlaceholder('get-ready-9fQ2mX7kP4vL8wZ1'), false);
    });

    it('knows defaults that templates publish: Dify\'s one password, random-looking values, Supabase demo JWTs', () => {
      assert.equal(judge('QDRANT_API_KEY', 'difyai123456'), 'is a known default');
      assert.equal(judge('DB_PASSWORD', 'Difyai123456'), 'is a known default');
      assert.equal(judge('APP_KEY', 'SomeRandomStringOf32CharsExactly'), 'is a known default');
      assert.equal(judge('PLUGIN_DIFY_INNER_API_KEY', 'QaHbTe77CtuXmsfyhR7+vRjI/+XbV1AaFy691iy+kGDv2Jvy0/eAh8Y1'), 'is a default the app publishes in its template');
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const demo = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ role: 'service_role', iss: 'supabase-demo' })}.c2lnbmVk`;
      assert.equal(judge('SERVICE_ROLE_KEY', demo), 'is a default the app publishes in its template');
      assert.equal(judge('SERVICE_ROLE_KEY', demo, true), 'is a default the app publishes in its template');
      assert.equal(isPublishedDefault(`${b64({ alg: 'HS256' })}.${b64({ role: 'anon', iss: 'supabase' })}.c2lnbmVk`), false);
    });
  });

  it('isPlaceholder does not mistake random values for placeholders', () => {
    for (let i = 0; i < 200; i++) assert.equal(isPlaceholder(generateSecret('JWT_SECRET')), false);
  });
});
