import * as assert from 'node:assert/strict';
import { generateSecret, judgeSecret } from '../../../server/src/engine/secrets';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';

const judge = (name: string, value: string) => judgeSecret(name, value, DEFAULT_CONFIG.secrets)?.reason;

// ARCHITECTURE.md, Precision: "Length rules follow the algorithm (an AES-128 key is 16 bytes)".
describe('secrets: key sizes fixed by the algorithm', () => {
  it('accepts a random 16-byte AES-128 key and asks for exactly 16 bytes, not 32', () => {
    assert.equal(judge('SOGO_URL_ENCRYPTION_KEY', 'Xk9vQ2mL7pR4tW8z'), undefined);
    assert.equal(judge('APP_AES128_KEY', 'Xk9vQ2mL7pR4tW8z'), undefined);
    assert.equal(judge('SOGO_URL_ENCRYPTION_KEY', 'Xk9vQ2mL7pR4tW8zQ2'), "is 18 bytes; this key must be exactly 16 (its algorithm's key size)");
    assert.equal(judge('AES256_ENCRYPTION_KEY', 'Xk9vQ2mL7pR4tW8z'), "is 16 bytes; this key must be exactly 32 (its algorithm's key size)");
  });

  it('keeps the 32-byte minimum for keys whose algorithm the name does not fix', () => {
    assert.equal(judge('ENCRYPTION_KEY', 'Xk9vQ2mL7pR4tW8z'), 'is 16 bytes; a signing key needs at least 32');
  });

  it('still judges the content of a key of the right size', () => {
    assert.match(judge('SOGO_URL_ENCRYPTION_KEY', 'SOGoLegacyPhrase') ?? '', /low-entropy/);
    // SOGo's own built-in passphrase is known to everyone.
    assert.equal(judge('SOGO_URL_ENCRYPTION_KEY', 'SOGoSuperSecret0'), 'is a known default');
  });

  it('generates a key of the algorithm\'s size', () => {
    const k = generateSecret('SOGO_URL_ENCRYPTION_KEY');
    assert.equal(k.length, 16);
    assert.equal(judge('SOGO_URL_ENCRYPTION_KEY', k), undefined);
  });
});
