import * as assert from 'node:assert/strict';
import { lint, assertRanges } from '../../../support/lint';

/**
 * A `.env` variable becomes a secret when compose passes it to a credential key, but not when its own
 * name says identity (ARCHITECTURE.md, Secrets: `*_USER`, `*_NAME`, `*_ID`): AppFlowy passes MINIO_ROOT_USER as the S3 access key.
 */
describe('env rules: identity names passed to credential keys stay non-secrets', () => {
  const compose = 'services:\n  app:\n    image: x/app:1\n    environment:\n      - APPFLOWY_S3_ACCESS_KEY=${MINIO_ROOT_USER}\n      - APPFLOWY_S3_SECRET_KEY=${MINIO_ROOT_PASSWORD}\n';

  it('env/template-value-copied does not report a user name that equals the template', () => {
    const files = { 'docker-compose.yml': compose, '.env.example': 'MINIO_ROOT_USER=appflowy-storage\nMINIO_ROOT_PASSWORD=\n', '.env': 'MINIO_ROOT_USER=appflowy-storage\nMINIO_ROOT_PASSWORD=hEjMISssONuOEZVeSi0VaXP9ZqIB7PX6cYCF2LMu\n' };
    assert.deepEqual(lint(files, '.env', 'env/template-value-copied'), []);
  });

  it('a non-identity variable is still judged as the credential compose passes it as', () => {
    const c = compose.replace('${MINIO_ROOT_USER}', '${S3_AK}');
    const found = lint({ 'docker-compose.yml': c, '.env': 'S3_AK=\n' }, '.env', 'env/weak-secret');
    assertRanges(found, 'env/weak-secret', ['1:1-1:6']);
    assert.equal(found[0].message, 'S3_AK (compose passes it as APPFLOWY_S3_ACCESS_KEY) is empty.');
  });
});
