import * as assert from 'node:assert/strict';
import { lintText, lint, assertRanges, checkFix } from '../../../support/lint';
import { reparseEnv } from './support';

const RULE = 'env/insecure-setting';

/** Spellings of the guides' switches met in real stacks (SEEN, Fluxbase, AppFlowy). */
describe('env/insecure-setting: more spellings of the guides\' switches', () => {
  it('reports rate limiting off, database TLS off and wildcard allowed origins', () => {
    const text = ['RATE_LIMIT=off', 'SEEN_RATE_LIMIT_DISABLED=true', 'ENABLE_RATE_LIMITING=false', 'DB_SSL=false', 'REDIS_TLS=0', 'ALLOWED_ORIGINS=*', ''].join('\n');
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['1:12-1:15', '2:26-2:30', '3:22-3:27', '4:8-4:13', '5:11-5:12', '6:17-6:18']);
    assert.match(found[3].message, /^DB_SSL=false: TLS is turned off\.$/);
  });

  it('reports app-prefixed debug and environment switches in a production-named file only', () => {
    const text = 'SEEN_ENV=development\nSEEN_DEBUG=true\n';
    assertRanges(lint({ '.env.production.local': text }, '.env.production.local', RULE), RULE, ['1:10-1:21', '2:12-2:16']);
    assert.deepEqual(lint({ '.env': text }, '.env', RULE), []);
  });

  it('does not report secure values, rate limit numbers, or SMTP_SSL (often false beside STARTTLS)', () => {
    const text = ['RATE_LIMIT=100', 'SEEN_RATE_LIMIT_ENABLED=true', 'DB_SSL=true', 'SMTP_SSL=false', 'ALLOWED_ORIGINS=https://app.example.com', 'SEEN_ENV=production', ''].join('\n');
    assert.deepEqual(lint({ '.env.production': text }, '.env.production', RULE), []);
  });

  it('fixes by flipping the value', () => {
    const fixed = checkFix({ '.env': 'DB_SSL=false\n' }, '.env', RULE, { reparse: reparseEnv });
    assert.equal(fixed['.env'], 'DB_SSL=true\n');
    const rl = checkFix({ '.env': 'RATE_LIMIT=off\n' }, '.env', RULE, { reparse: reparseEnv });
    assert.equal(rl['.env'], 'RATE_LIMIT=on\n');
  });
});
