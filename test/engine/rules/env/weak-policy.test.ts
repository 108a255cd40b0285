import * as assert from 'node:assert/strict';
import { lintText, assertRanges, checkFix } from '../../../support/lint';
import { reparseEnv } from './support';

const RULE = 'env/weak-policy';

describe('env/weak-policy', () => {
  it('reports a short password minimum, cheap bcrypt and long access tokens', () => {
    const text = 'GOTRUE_PASSWORD_MIN_LENGTH=8\nBCRYPT_ROUNDS=8\nBCRYPT_COST=10\nGOTRUE_JWT_EXP=86400\nACCESS_TOKEN_TTL=7d\n';
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['1:28-1:29', '2:15-2:16', '3:13-3:15', '4:16-4:21', '5:18-5:20']);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning', 'info', 'info', 'info']);
    assert.match(found[3].message, /GOTRUE_JWT_EXP keeps access tokens valid for 1 day/);
  });

  it('does not report recommended values or refresh tokens', () => {
    const text = 'GOTRUE_PASSWORD_MIN_LENGTH=12\nBCRYPT_ROUNDS=12\nGOTRUE_JWT_EXP=3600\nGOTRUE_REFRESH_TOKEN_EXP=604800\nJWT_EXPIRES_IN=15m\n';
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('reads a bare lifetime in the unit the name says (Dify: ACCESS_TOKEN_EXPIRE_MINUTES)', () => {
    const text = 'ACCESS_TOKEN_EXPIRE_MINUTES=1440\nJWT_EXPIRY_HOURS=24\nJWT_EXPIRATION_DAYS=7\nJWT_EXP_MS=7200000\n';
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['1:29-1:33', '2:18-2:20', '3:21-3:22', '4:12-4:19']);
    assert.match(found[0].message, /ACCESS_TOKEN_EXPIRE_MINUTES keeps access tokens valid for 1 day/);
    assert.match(found[2].message, /valid for 7 days/);
    assert.equal(checkFix({ '.env': 'ACCESS_TOKEN_EXPIRE_MINUTES=1440\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'ACCESS_TOKEN_EXPIRE_MINUTES=60\n');
    assert.equal(checkFix({ '.env': 'JWT_EXPIRY_HOURS=24\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'JWT_EXPIRY_HOURS=1\n');
    // One hour is no whole number of days: reported without a fix.
    assert.deepEqual(found[2].fixes, []);
    assert.deepEqual(lintText('.env', 'ACCESS_TOKEN_EXPIRE_MINUTES=60\nJWT_EXPIRY_HOURS=1\n', RULE), []);
  });

  it('sets the recommended value in the value\'s own style', () => {
    assert.equal(checkFix({ '.env': 'GOTRUE_PASSWORD_MIN_LENGTH=8\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'GOTRUE_PASSWORD_MIN_LENGTH=12\n');
    assert.equal(checkFix({ '.env': 'BCRYPT_ROUNDS=8\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'BCRYPT_ROUNDS=12\n');
    assert.equal(checkFix({ '.env': 'JWT_EXPIRES_IN=7d\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'JWT_EXPIRES_IN=1h\n');
    assert.equal(checkFix({ '.env': 'GOTRUE_JWT_EXP=86400\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'GOTRUE_JWT_EXP=3600\n');
  });
});
