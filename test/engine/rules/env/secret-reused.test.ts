import * as assert from 'node:assert/strict';
import { lintText, assertRanges, checkFix } from '../../../support/lint';
import { reparseEnv } from './support';

const RULE = 'env/secret-reused';
const S = 'Zt8yQ3mV9pL2xK7wN4rB6cD1aE5fG0hJ9kL3';

describe('env/secret-reused', () => {
  it('reports a secret reused for another credential, on the second one', () => {
    const found = lintText('.env', `JWT_SECRET=${S}\nDB_PASSWORD=${S}\nREDIS_PASSWORD=other-${S}\nSMTP_PASSWORD=other-${S}\n`, RULE);
    assertRanges(found, RULE, ['2:13-2:49', '4:15-4:57']);
    assert.equal(found[0].message, 'DB_PASSWORD reuses the value of JWT_SECRET (line 1): one leak exposes both.');
    assert.ok(!found[0].message.includes(S));
  });

  it('does not report one account under two names, tokens, or placeholders', () => {
    const text = `POSTGRES_PASSWORD=${S}\nDB_PASSWORD=${S}\nOPENAI_API_KEY=sk-${S}\nLLM_API_KEY=sk-${S}\nA_PASSWORD=\nB_PASSWORD=\nC_SECRET=changeme\nD_SECRET=changeme\n`;
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('does not report templates (stand-ins), weak values (env/weak-secret\'s) or switches', () => {
    assert.deepEqual(lintText('.env.example', `JWT_SECRET=${S}\nDB_PASSWORD=${S}\n`, RULE), []);
    assert.deepEqual(lintText('.env', 'DB_PASSWORD=difyai123456\nREDIS_PASSWORD=difyai123456\nTIDB_PRIVATE_KEY=dify7q\nORACLE_PASSWORD=dify7q\n', RULE), []);
    assert.deepEqual(lintText('.env', 'FUNCTIONS_VERIFY_JWT=true\nSMTP_SECRET=true\nLDAP_SECRET=true\n', RULE), []);
    // Still one real reuse among them.
    const found = lintText('.env', `DB_PASSWORD=difyai123456\nJWT_SECRET=${S}\nREDIS_PASSWORD=${S}\n`, RULE);
    assertRanges(found, RULE, ['3:16-3:52']);
  });

  it('regenerates the second one', () => {
    const fixed = checkFix({ '.env': `JWT_SECRET=${S}\nSESSION_SECRET=${S}\n` }, '.env', RULE, { reparse: reparseEnv });
    assert.match(fixed['.env'], new RegExp(`^JWT_SECRET=${S}\\nSESSION_SECRET=[A-Za-z0-9_-]{43}\\n$`));
  });
});
