import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses, conf } from '../../nginx/helpers';

const RULE = 'nginx/header-inheritance';

const site = conf(
  'server {',
  '    listen 443 ssl;',
  '    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
  '    add_header X-Frame-Options DENY always;',
  '    add_header X-Debug yes;',
  '    location / {',
  '        proxy_pass http://app:3000;',
  '    }',
  '    location /static/ {',
  '        add_header Cache-Control "public";',
  '        root /srv;',
  '    }',
  '}',
);

describe('nginx/header-inheritance', () => {
  it('reports the add_header of a location that drops the server security headers', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['10:9-10:43']);
    assert.equal(found[0].message, 'location /static/ has its own add_header, so nginx no longer sends Strict-Transport-Security, X-Frame-Options set at server level for it.');
  });

  it('reports a server that drops the http-level headers, and an if block inside a location', () => {
    const http = 'http {\n    add_header X-Frame-Options DENY always;\n    server {\n        listen 80;\n        add_header X-Served-By me;\n        location / { if ($arg_x) { add_header X-Y 1; } root /srv; }\n    }\n}\n';
    assertRanges(lint({ 'nginx/nginx.conf': http }, 'nginx/nginx.conf', RULE), RULE, ['5:9-5:35']);
    const inLocation = 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        if ($arg_x) { add_header X-Y 1; }\n        root /srv;\n    }\n}\n';
    assertRanges(lint({ 'nginx/app.conf': inLocation }, 'nginx/app.conf', RULE), RULE, ['4:23-4:40']);
  });

  it('does not report blocks that repeat the security headers, set none, or merge (nginx >= 1.29.3)', () => {
    const repeated = site.replace('        add_header Cache-Control "public";', '        add_header Cache-Control "public";\n        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n        add_header X-Frame-Options DENY always;');
    assert.deepEqual(lint({ 'nginx/app.conf': repeated }, 'nginx/app.conf', RULE), []);
    const merge = site.replace('    location / {', '    add_header_inherit merge;\n    location / {');
    assert.deepEqual(lint({ 'nginx/app.conf': merge }, 'nginx/app.conf', RULE, { nginx: { version: '1.29.3' } }), []);
    // Older nginx refuses the directive, so using it proves 1.29.3+ whatever the setting says.
    assert.deepEqual(lint({ 'nginx/app.conf': merge }, 'nginx/app.conf', RULE, { nginx: { version: '1.26' } }), []);
    const mergeInLocation = site.replace('        add_header Cache-Control "public";', '        add_header_inherit merge;\n        add_header Cache-Control "public";');
    assert.deepEqual(lint({ 'nginx/app.conf': mergeInLocation }, 'nginx/app.conf', RULE), []);
    const nonSecurity = 'server {\n    add_header X-Debug yes;\n    location / { add_header Cache-Control no-store; }\n}\n';
    assert.deepEqual(lint({ 'nginx/app.conf': nonSecurity }, 'nginx/app.conf', RULE), []);
  });

  it('stays correct when the headers live in included snippets', () => {
    const files = {
      'nginx/app.conf': 'server {\n    listen 443 ssl;\n    include snippets/security.conf;\n    location /static/ {\n        include snippets/cache.conf;\n        root /srv;\n    }\n}\n',
      'nginx/snippets/security.conf': 'add_header X-Frame-Options DENY always;\nadd_header X-Content-Type-Options nosniff always;\n',
      'nginx/snippets/cache.conf': 'add_header Cache-Control "public";\n',
    };
    const found = lint(files, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['5:9-5:37']);
    assert.match(found[0].message, /X-Frame-Options, X-Content-Type-Options/);
    const fixed = checkFix(files, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], files['nginx/app.conf'].replace('include snippets/cache.conf;', 'include snippets/cache.conf;\n        add_header X-Frame-Options DENY always;\n        add_header X-Content-Type-Options nosniff always;'));
    // With the security snippet included in the location too, nothing is dropped.
    const ok = { ...files, 'nginx/app.conf': files['nginx/app.conf'].replace('include snippets/cache.conf;', 'include snippets/cache.conf;\n        include snippets/security.conf;') };
    assert.deepEqual(lint(ok, 'nginx/app.conf', RULE), []);
  });

  it('fix: repeats the dropped headers in the block, after its own', () => {
    const fixed = checkFix({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], site.replace('        add_header Cache-Control "public";', '        add_header Cache-Control "public";\n        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n        add_header X-Frame-Options DENY always;'));
  });
});
