import * as assert from 'node:assert/strict';
import { classifyKey } from '../../../server/src/engine/secrets';
import { lint, assertRanges } from '../../support/lint';

describe('secrets: client and service-role keys (Fluxbase guide: "Don\'t commit client keys")', () => {
  it('classifies *_CLIENT_KEY and *_SERVICE_ROLE_KEY as issued tokens, not TLS client key files', () => {
    assert.equal(classifyKey('FLUXBASE_CLIENT_KEY'), 'token');
    assert.equal(classifyKey('SUPABASE_SERVICE_ROLE_KEY'), 'token');
    assert.equal(classifyKey('FLUXBASE_SERVICE_KEY'), 'token');
    assert.equal(classifyKey('REDIS_TLS_CLIENT_KEY'), undefined);
    assert.equal(classifyKey('SUPABASE_ANON_KEY'), undefined);
    assert.equal(classifyKey('PUBLIC_CLIENT_KEY'), undefined);
  });

  it('a committed .env with a client key is reported by env/not-gitignored', () => {
    const found = lint({ '.env': 'FLUXBASE_CLIENT_KEY=fb_live_abc123def456\n' }, '.env', 'env/not-gitignored');
    assertRanges(found, 'env/not-gitignored', ['1:1-1:41']);
    assert.deepEqual(lint({ '.env': 'FLUXBASE_CLIENT_KEY=fb_live_abc123def456\n', '.gitignore': '.env\n' }, '.env', 'env/not-gitignored'), []);
  });
});
