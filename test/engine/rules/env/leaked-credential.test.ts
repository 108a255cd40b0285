import * as assert from 'node:assert/strict';
import { lint, assertRanges } from '../../../support/lint';

const RULE = 'env/leaked-credential';
const GH = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0'.repeat(2);

describe('env/leaked-credential', () => {
  it('reports a live credential format in a file git would commit, on the credential, without echoing it', () => {
    const files = { '.git/HEAD': 'x', '.env.example': `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLQ\nGITHUB=x-${GH}\n` };
    const found = lint(files, '.env.example', RULE);
    assertRanges(found, RULE, ['1:19-1:39', '2:10-2:54']);
    assert.equal(found[0].message, 'AWS_ACCESS_KEY_ID holds what looks like an AWS access key id, in a file git would commit: revoke it and keep it out of the repository.');
    assert.ok(found.every((f) => !f.message.includes('AKIA') && !f.message.includes(GH)));
  });

  it('does not report the documentation\'s example keys', () => {
    assert.deepEqual(lint({ '.git/HEAD': 'x', '.env.example': 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' }, '.env.example', RULE), []);
  });

  it('does not report ignored files or placeholders', () => {
    assert.deepEqual(lint({ '.git/HEAD': 'x', '.gitignore': '.env\n', '.env': 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLQ\n' }, '.env', RULE), []);
    assert.deepEqual(lint({ '.env': 'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nSTRIPE_SECRET_KEY=sk_live_...\n' }, '.env', RULE), []);
  });
});
