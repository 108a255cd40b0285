import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { reparseEnv } from './support';

const RULE = 'env/template-value-copied';
const S = 'Zt8yQ3mV9pL2xK7wN4rB6cD1aE5fG0hJ9kL3';

describe('env/template-value-copied', () => {
  it('reports a secret equal to the one in the sibling template', () => {
    const files = { '.env.example': `JWT_SECRET=${S}\nDB_PASSWORD=\n`, '.env': `APP=x\nJWT_SECRET=${S}\nDB_PASSWORD=other${S}\n` };
    const found = lint(files, '.env', RULE);
    assertRanges(found, RULE, ['2:12-2:48']);
    assert.equal(found[0].message, 'JWT_SECRET has the same value as in .env.example: a template is public, so this secret is known.');
  });

  it('finds templates named env.sample or example.env, not in other folders', () => {
    assert.equal(lint({ 'env.sample': `JWT_SECRET=${S}\n`, '.env': `JWT_SECRET=${S}\n` }, '.env', RULE).length, 1);
    assert.equal(lint({ 'example.env': `JWT_SECRET=${S}\n`, 'prod.env': `JWT_SECRET=${S}\n` }, 'prod.env', RULE).length, 1);
    assert.deepEqual(lint({ 'other/.env.example': `JWT_SECRET=${S}\n`, '.env': `JWT_SECRET=${S}\n` }, '.env', RULE), []);
  });

  it('does not report changed values, non-secrets, or the template itself', () => {
    const files = { '.env.example': `JWT_SECRET=${S}\nPORT=3000\n`, '.env': `JWT_SECRET=x${S}\nPORT=3000\n` };
    assert.deepEqual(lint(files, '.env', RULE), []);
    assert.deepEqual(lint(files, '.env.example', RULE), []);
  });

  it('does not take a copied switch or secret-file path for a copied secret', () => {
    const text = 'FUNCTIONS_VERIFY_JWT=false\nJWT_PRIVATE_KEY=/run/secrets/jwt_key\n';
    assert.deepEqual(lint({ '.env.example': text, '.env': text }, '.env', RULE), []);
  });

  it('regenerates the copied secret', () => {
    const fixed = checkFix({ '.env.example': `JWT_SECRET=${S}\n`, '.env': `JWT_SECRET="${S}"\n` }, '.env', RULE, { reparse: reparseEnv });
    assert.match(fixed['.env'], /^JWT_SECRET="[A-Za-z0-9_-]{43}"\n$/);
  });
});
