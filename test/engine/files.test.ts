import * as assert from 'node:assert/strict';
import { languageOf, isTemplateFile, mightBeDeployFile } from '../../server/src/engine/files';
import { lint, assertRanges } from '../support/lint';

describe('engine/files: which files are env files (ARCHITECTURE.md, File kinds)', () => {
  it('recognises templates named without the leading dot (jitsi and Mattermost `env.example`, `*.env.dist`)', () => {
    for (const name of ['env.example', 'env.sample', 'env.template', 'app.env.example', 'stack.env.dist', 'docker.env.sample']) {
      assert.equal(languageOf(`/ws/${name}`), 'env', name);
      assert.ok(isTemplateFile(`/ws/${name}`), `${name} is a template`);
      assert.ok(mightBeDeployFile(name), `${name} is walked`);
    }
  });

  it('keeps the other names as they were', () => {
    assert.equal(languageOf('/ws/.env'), 'env');
    assert.equal(languageOf('/ws/.env.production.local'), 'env');
    assert.equal(languageOf('/ws/database.env'), 'env');
    for (const name of ['environment.ts', 'env.js', 'env', 'env.production', 'venv.example.txt']) assert.equal(languageOf(`/ws/${name}`), undefined, name);
  });

  it('lints `env.example` as a template: a known default at info, an empty value not at all', () => {
    const found = lint({ 'env.example': 'JICOFO_AUTH_PASSWORD=\nJVB_AUTH_PASSWORD=changeme\n' }, 'env.example', 'env/weak-secret');
    assertRanges(found, 'env/weak-secret', ['2:19-2:27']);
    assert.equal(found[0].severity, 'info');
  });
});
