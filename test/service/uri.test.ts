import * as assert from 'node:assert/strict';
import { isVirtualPath, pathToUri, uriToPath } from '../../server/src/service/uri';

describe('service: URIs and engine paths', () => {
  (process.platform === 'win32' ? it.skip : it)('file URIs map to absolute paths and back', () => {
    assert.equal(uriToPath('file:///srv/app/docker-compose.yml'), '/srv/app/docker-compose.yml');
    assert.equal(uriToPath('file:///srv/my%20app/.env'), '/srv/my app/.env');
    assert.equal(pathToUri('/srv/my app/.env'), 'file:///srv/my%20app/.env');
  });

  it('documents that are not files get a virtual path that maps back to their URI', () => {
    const p = uriToPath('untitled:Untitled-1');
    assert.ok(isVirtualPath(p), p);
    const v = uriToPath('vscode-vfs://github/acme/repo/nginx/app.conf');
    assert.ok(v.endsWith('/nginx/app.conf'), v);
    assert.equal(pathToUri(v), 'vscode-vfs://github/acme/repo/nginx/app.conf');
    assert.equal(pathToUri(p, () => 'untitled:Untitled-1'), 'untitled:Untitled-1');
  });
});
