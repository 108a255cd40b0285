import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/server-tokens';

describe('nginx/server-tokens', () => {
  it('reports an explicit on/build value at the value (gixy version_disclosure: server_tokens on / build)', () => {
    const text = 'server {\n    listen 80;\n    server_tokens on;\n    location / { server_tokens build; }\n}\n';
    assertRanges(lintText('site.conf', text, RULE), RULE, ['3:19-3:21', '4:32-4:37']);
  });

  it('reports a full config whose http level leaves the default on, once, at the http block', () => {
    const text = 'events {}\nhttp {\n    server { listen 80; }\n    server { listen 81; }\n}\n';
    const found = lintText('nginx.conf', text, RULE);
    assertRanges(found, RULE, ['2:1-2:5']);
  });

  it('reports a fragment once, at its first server lacking the setting', () => {
    const text = 'server {\n    listen 80;\n}\nserver {\n    listen 81;\n}\n';
    const found = lintText('conf.d/app.conf', text, RULE);
    assertRanges(found, RULE, ['1:1-1:7']);
    assert.match(found[0].message, /2 servers/);
  });

  it('accepts off at the http level, in every server, or at the top of a fragment (gixy: server_tokens off)', () => {
    assert.deepEqual(lintText('nginx.conf', 'events {}\nhttp {\n    server_tokens off;\n    server { listen 80; }\n}\n', RULE), []);
    assert.deepEqual(lintText('nginx.conf', 'events {}\nhttp {\n    server { listen 80; server_tokens off; }\n}\n', RULE), []);
    assert.deepEqual(lintText('app.conf', 'server_tokens off;\nserver { listen 80; }\n', RULE), []);
    assert.deepEqual(lintText('app.conf', 'server {\n    listen 80;\n    server_tokens off;\n}\n', RULE), []);
  });

  it('reports a fragment in the http level of the nginx.conf that includes it, not in the fragment', () => {
    const files = { 'nginx/nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n', 'nginx/conf.d/app.conf': 'server { listen 80; }\n' };
    assert.deepEqual(lint(files, 'nginx/conf.d/app.conf', RULE), []);
    assertRanges(lint(files, 'nginx/nginx.conf', RULE), RULE, ['2:1-2:5']);
  });

  it('fixes: on -> off', () => {
    const fixed = checkFix({ 'site.conf': 'server {\n    server_tokens on;\n}\n' }, 'site.conf', RULE, { reparse });
    assert.equal(fixed['site.conf'], 'server {\n    server_tokens off;\n}\n');
  });

  it('fixes: adds server_tokens off; to the http block with its indentation', () => {
    const text = 'events {}\nhttp {\n    sendfile on;\n\n    server { listen 80; }\n}\n';
    const fixed = checkFix({ 'nginx.conf': text }, 'nginx.conf', RULE, { reparse });
    assert.equal(fixed['nginx.conf'], 'events {}\nhttp {\n    sendfile on;\n    server_tokens off;\n\n    server { listen 80; }\n}\n');
  });

  it('fixes: adds it to each server of a fragment (a top-level one could clash with the includer)', () => {
    const text = 'server {\n  listen 80;\n  server_name a.example;\n}\nserver {\n  listen 81;\n}\n';
    const fixed = checkFix({ 'app.conf': text }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], 'server {\n  listen 80;\n  server_name a.example;\n  server_tokens off;\n}\nserver {\n  listen 81;\n  server_tokens off;\n}\n');
  });
});
