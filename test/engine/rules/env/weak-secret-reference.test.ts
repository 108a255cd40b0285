import * as assert from 'node:assert/strict';
import { lint, lintText, assertRanges, checkFix, textOf } from '../../../support/lint';
import { parseDotenv, envValues } from '../../../../server/src/engine/parse/dotenv';
import { judgeSecret } from '../../../../server/src/engine/secrets';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { reparseEnv } from './support';

const RULE = 'env/weak-secret';

/** `${VAR}` values in `.env`: compose interpolates them, so the value they resolve to is judged. */
describe('env/weak-secret: ${VAR} references in an env file', () => {
  it('reports a weak ${VAR:-default} on the default', () => {
    const files = { '.env': 'API_SECRET=${APP_SECRET:-changeme}\nX_PASSWORD="${Y-hello456}"\n' };
    const found = lint(files, '.env', RULE);
    assertRanges(found, RULE, ['1:26-1:34', '2:17-2:25']);
    assert.equal(textOf(files, found[0]), 'changeme');
    assert.equal(found[0].message, 'The default of ${APP_SECRET} for API_SECRET is a known default: it is used whenever APP_SECRET is not set.');
    assert.equal(found[0].severity, 'error');
  });

  it('judges ${VAR} by the value of a non-secret entry of the same file, with the kind of the referencing key', () => {
    const found = lintText('.env', 'SHARED=abc123\nGOTRUE_JWT_SECRET=${SHARED}\n', RULE);
    assertRanges(found, RULE, ['2:19-2:28']);
    assert.equal(found[0].message, 'GOTRUE_JWT_SECRET takes its value from SHARED, which is 6 bytes; a signing key needs at least 32.');
    assert.equal(found[0].related?.[0].message, 'SHARED is set here');
  });

  it('does not report strong defaults, ${VAR:?err}, unknown variables, or a weak secret twice', () => {
    const strong = 'Zt8yQ3mV9pL2xK7wN4rB6cD1aE5fG0hJ';
    assert.deepEqual(lintText('.env', `A_PASSWORD=\${B:-${strong}}\nC_PASSWORD=\${D:?D must be set}\nE_SECRET=\${FROM_SHELL}\n`, RULE), []);
    const twice = lintText('.env', 'DB_PASSWORD=changeme\nPOSTGRES_PASSWORD=${DB_PASSWORD}\n', RULE);
    assertRanges(twice, RULE, ['1:13-1:21']);
    assert.deepEqual(lintText('.env.example', 'A_PASSWORD=${B:-}\n', RULE), []);
  });

  it('fixes a weak default with a generated value', () => {
    const fixed = checkFix({ '.env': 'API_SECRET=${APP_SECRET:-changeme}\n' }, '.env', RULE, { reparse: reparseEnv });
    const v = envValues(parseDotenv(fixed['.env'])).get('API_SECRET')!;
    assert.equal(judgeSecret('API_SECRET', v, DEFAULT_CONFIG.secrets), undefined);
  });
});
