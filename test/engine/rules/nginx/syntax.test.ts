import * as assert from 'node:assert/strict';
import { lint, assertRanges } from '../../../support/lint';

const RULE = 'nginx/syntax';

describe('nginx/syntax', () => {
  it('reports parse errors at their position', () => {
    const found = lint({ 'nginx/app.conf': 'server {\n    listen 80\n    server_name a.example;\n}\n}\n' }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:12-2:14', '5:1-5:2']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error']);
    assert.match(found[0].message, /not terminated by ";"/);
    assertRanges(lint({ 'nginx/app.conf': 'http {\n  server {\n' }, 'nginx/app.conf', RULE), RULE, ['1:6-1:7', '2:10-2:11']);
    assertRanges(lint({ 'nginx/app.conf': 'add_header X "abc;\n' }, 'nginx/app.conf', RULE), RULE, ['1:14-1:15']);
  });

  it('a literal include that is not in the workspace is an info at the include: the server may have it', () => {
    const found = lint({ 'nginx/app.conf': 'server {\n    include snippets/missing.conf;\n    include /etc/nginx/snippets/ssl-params.conf;\n}\n' }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:13-2:34', '3:13-3:48']);
    assert.deepEqual(found.map((f) => f.severity), ['info', 'info']);
    assert.match(found[0].message, /not in the workspace: nginx -t fails unless the server has it/);
    // A folder in the workspace that holds other files, none named like it: a file shipped elsewhere, not a typo.
    const partial = lint({
      'nginx/app.conf': 'server {\n    include conf.d/include/letsencrypt-acme-challenge.conf;\n}\n',
      'nginx/conf.d/include/assets.conf': 'expires 1d;\n', 'nginx/conf.d/include/force-ssl.conf': 'return 301 https://$host$request_uri;\n',
    }, 'nginx/app.conf', RULE);
    assertRanges(partial, RULE, ['2:13-2:59']);
    assert.equal(partial[0].severity, 'info');
  });

  it('a missing include with a near-identical file beside it is a warning naming that file (a typo)', () => {
    const files = {
      'nginx/app.conf': 'server {\n    include snippets/secuirty-headers.conf;\n    include snippets/Tls.conf;\n    include snippets/ssl.conf;\n}\n',
      'nginx/snippets/security-headers.conf': 'add_header X-Frame-Options DENY always;\n',
      'nginx/snippets/tls.conf': 'ssl_protocols TLSv1.2 TLSv1.3;\n',
    };
    const found = lint(files, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:13-2:43', '3:13-3:30', '4:13-4:30']);
    // ssl.conf is two edits from tls.conf: a different file, not a slip of the keyboard.
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning', 'info']);
    assert.match(found[0].message, /"snippets\/security-headers.conf" exists beside it/);
    assert.match(found[1].message, /"snippets\/tls.conf" exists/);
  });

  it('does not report globs that match nothing, stock nginx files, or includes that resolve (globs, parents, absolute paths mapped)', () => {
    const files = {
      'nginx/nginx.conf': 'events {}\nhttp {\n    include mime.types;\n    include /etc/nginx/conf.d/*.conf;\n    include sites-enabled/*;\n    include snippets/headers.conf;\n    include /etc/nginx/snippets/tls.conf;\n}\n',
      'nginx/snippets/headers.conf': 'add_header X-Frame-Options DENY always;\n',
      'nginx/snippets/tls.conf': 'ssl_protocols TLSv1.2 TLSv1.3;\n',
      'nginx/conf.d/app.conf': 'server { include snippets/headers.conf; }\n',
    };
    assert.deepEqual(lint(files, 'nginx/nginx.conf', RULE), []);
    assert.deepEqual(lint(files, 'nginx/conf.d/app.conf', RULE), []);
  });

  it('survives include cycles', () => {
    const files = { 'nginx/a.conf': 'include b.conf;\nserver { listen 80; }\n', 'nginx/b.conf': 'include a.conf;\n' };
    assert.deepEqual(lint(files, 'nginx/a.conf', RULE), []);
  });

  it('parses config templates (Jinja, Go templates, envsubst) without false errors', () => {
    const t = '{% if ssl %}\nserver {\n    listen {{ port }};\n    server_name ${SERVER_NAME};\n    {{ custom_config }}\n    root /srv;\n}\n{% endif %}\n';
    assert.deepEqual(lint({ 'nginx/app.conf.template': t }, 'nginx/app.conf.template', RULE), []);
  });
});
