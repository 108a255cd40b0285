import * as assert from 'node:assert/strict';
import { MemoryHost, Workspace, lintFile, mergeConfig } from '../../../../server/src/engine';
import { assertRanges } from '../../../support/lint';

const RULE = 'nginx/private-key-permissions';
const CONF = 'server {\n    listen 443 ssl;\n    ssl_certificate certs/site.crt;\n    ssl_certificate_key certs/site.key;\n}\n';

function run(keyMode: number | undefined, conf = CONF, keyPath = '/ws/nginx/certs/site.key') {
  const host = new MemoryHost().set('/ws/nginx/app.conf', conf);
  if (keyMode !== undefined) host.set(keyPath, '-----BEGIN PRIVATE KEY-----\n', keyMode);
  return lintFile(new Workspace(host), '/ws/nginx/app.conf', mergeConfig()).filter((f) => f.rule === RULE);
}

describe('nginx/private-key-permissions', () => {
  it('reports a key file in the workspace readable by group or others, at the path', () => {
    const found = run(0o644);
    assertRanges(found, RULE, ['4:25-4:39']);
    assert.match(found[0].message, /mode 644/);
    assert.equal(run(0o640).length, 1);
  });

  it('resolves absolute paths too', () => {
    const conf = CONF.replace('certs/site.key', '/ws/secrets/site.key');
    assert.equal(run(0o604, conf, '/ws/secrets/site.key').length, 1);
  });

  it('accepts 600/400 and keys outside the workspace', () => {
    assert.deepEqual(run(0o600), []);
    assert.deepEqual(run(0o400), []);
    assert.deepEqual(run(undefined), []);
  });

  it('offers the chmod 600 command on the resolved path, with no edits', () => {
    const [fix] = run(0o644)[0].fixes;
    assert.deepEqual(fix.edits, []);
    assert.equal(fix.safe, false);
    assert.deepEqual(fix.command, { command: 'deploylint.chmod600', title: 'Restrict permissions (chmod 600)', arguments: ['/ws/nginx/certs/site.key'] });
  });
});
