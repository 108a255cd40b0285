import * as assert from 'node:assert/strict';
import { lint, lintText, assertRanges, checkFix } from '../../../support/lint';
import { reparseEnv } from './support';

const RULE = 'env/insecure-setting';

describe('env/insecure-setting', () => {
  it('reports certificate verification turned off by *_VERIFY_CERTS (Dify: ELASTICSEARCH_VERIFY_CERTS=False)', () => {
    const found = lintText('.env', 'ELASTICSEARCH_VERIFY_CERTS=False\nOPENSEARCH_VERIFY_CERTS=true\nS3_VERIFY_CERTIFICATE=0\n', RULE);
    assertRanges(found, RULE, ['1:28-1:33', '3:23-3:24']);
    assert.equal(found[0].message, 'ELASTICSEARCH_VERIFY_CERTS=False: certificates are not verified (man in the middle).');
    assert.equal(checkFix({ '.env': 'ELASTICSEARCH_VERIFY_CERTS=False\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'ELASTICSEARCH_VERIFY_CERTS=true\n');
  });

  it('reports security switches turned off, on the value', () => {
    const text = [
      'AFFINE_SERVER_HTTPS=false',
      'SEEN_SECURE_COOKIES=false',
      'SEEN_RATE_LIMIT_ENABLED=false',
      'SEEN_CORS_ALLOWED_ORIGINS=*',
      'POSTGRES_SSL_MODE=disable',
      'REDIS_TLS_ENABLED=false',
      'GOTRUE_MFA_ENABLED=false',
      'NODE_TLS_REJECT_UNAUTHORIZED=0',
      '',
    ].join('\n');
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['1:21-1:26', '2:21-2:26', '3:25-3:30', '4:27-4:28', '5:19-5:26', '6:19-6:24', '7:20-7:25', '8:30-8:31']);
    assert.equal(found[6].severity, 'info');
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].message, 'AFFINE_SERVER_HTTPS=false: HTTPS is turned off.');
  });

  it('reports DEBUG and NODE_ENV=development only in a production-named file', () => {
    const text = 'DEBUG=true\nNODE_ENV=development\n';
    assertRanges(lintText('.env.production', text, RULE), RULE, ['1:7-1:11', '2:10-2:21']);
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('does not report secure values', () => {
    const text = 'AFFINE_SERVER_HTTPS=true\nSEEN_SECURE_COOKIES=true\nSEEN_CORS_ALLOWED_ORIGINS=https://example.com\nPOSTGRES_SSL_MODE=require\nGOTRUE_MFA_ENABLED=true\n';
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('reports at info in a template', () => {
    const [f] = lint({ '.env.example': 'AFFINE_SERVER_HTTPS=false\n' }, '.env.example', RULE);
    assert.equal(f.severity, 'info');
  });

  it('flips the value, keeping its style', () => {
    assert.equal(checkFix({ '.env': 'AFFINE_SERVER_HTTPS=false\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'AFFINE_SERVER_HTTPS=true\n');
    assert.equal(checkFix({ '.env': 'USE_SSL="0"\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'USE_SSL="1"\n');
    assert.equal(checkFix({ '.env': 'PGSSLMODE=disable\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'PGSSLMODE=require\n');
  });

  it('offers no fix for a CORS wildcard (no single right value)', () => {
    assert.deepEqual(lintText('.env', 'CORS_ORIGINS=*\n', RULE)[0].fixes, []);
  });
});
