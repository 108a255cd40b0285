import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/ambiguous-default-server';
const site = (name: string, listen = 'listen 443 ssl;') =>
  `    server {\n        ${listen}\n        server_name ${name};\n        location / { proxy_pass http://app:3000; }\n    }\n`;
const http = (...servers: string[]) => `events {}\nhttp {\n${servers.join('')}}\n`;

describe('nginx/ambiguous-default-server', () => {
  it('reports the first server of a shared socket when none is default_server (a whole nginx.conf)', () => {
    const text = http(site('a.example'), site('b.example'));
    const found = lintText('nginx.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'listen 443 ssl;')]);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /2 servers listen on \*:443/);
    assert.match(found[0].message, /server "a\.example"/);
  });

  it('compares sockets like nginx: 80, *:80 and 0.0.0.0:80 are one; [::]:80 and QUIC are others; no listen is *:80', () => {
    assert.equal(lintText('nginx.conf', http(site('a', 'listen 80;'), site('b', 'listen *:80;'), site('c', 'listen 0.0.0.0:80;')), RULE).length, 1);
    assert.deepEqual(lintText('nginx.conf', http(site('a', 'listen 80;'), site('b', 'listen [::]:80;')), RULE), []);
    assert.deepEqual(lintText('nginx.conf', http(site('a', 'listen 443 ssl;'), site('b', 'listen 443 quic;')), RULE), []);
    assert.equal(lintText('nginx.conf', http(site('a', 'listen 80;'), site('b', 'server_tokens off;')), RULE).length, 1);
  });

  it('accepts an explicit default_server (or the old `default`), and a first server that is already a catch-all', () => {
    assert.deepEqual(lintText('nginx.conf', http(site('a.example'), site('b.example', 'listen 443 ssl default_server;')), RULE), []);
    assert.deepEqual(lintText('nginx.conf', http(site('a.example', 'listen 80 default;'), site('b.example', 'listen 80;')), RULE), []);
    const catchAll = '    server {\n        listen 443 ssl;\n        server_name _;\n        ssl_reject_handshake on;\n    }\n';
    assert.deepEqual(lintText('nginx.conf', http(catchAll, site('a.example'), site('b.example')), RULE), []);
    assert.deepEqual(lintText('nginx.conf', http(site('a.example')), RULE), []);
  });

  it('does not compare servers whose listens are template markup (mailcow\'s Jinja nginx.conf)', () => {
    const tpl = (name: string) => `    server {\n        listen 127.0.0.1:65510;\n        listen {{ HTTPS_PORT }} ssl;\n        server_name ${name};\n    }\n`;
    assert.deepEqual(lintText('nginx.conf', http(tpl('{{ MAILCOW_HOSTNAME }}'), tpl('{{ SERVER_NAME }}')), RULE), []);
    assert.deepEqual(lintText('nginx.conf', http(site('a', 'listen ${PORT};'), site('b', 'listen ${PORT};')), RULE), []);
  });

  it('a fragment is info, and not reported when a file next to it has the default (h5bp conf.d/templates)', () => {
    const fragment = site('www.example.com') + site('example.com');
    const alone = lintText('conf.d/example.com.conf', fragment, RULE);
    assert.equal(alone.length, 1);
    assert.equal(alone[0].severity, 'info');
    const withDefault = { 'conf.d/example.com.conf': fragment, 'conf.d/default.conf': 'server {\n    listen 443 ssl default_server;\n    return 444;\n}\n' };
    assert.deepEqual(lint(withDefault, 'conf.d/example.com.conf', RULE), []);
    const above = { 'conf.d/templates/example.com.conf': fragment, 'conf.d/.default.conf': 'server {\n    listen 443 ssl default_server;\n    return 444;\n}\n' };
    assert.deepEqual(lint(above, 'conf.d/templates/example.com.conf', RULE), []);
  });

  it('sees servers of included files as one config', () => {
    const files = {
      'nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n',
      'conf.d/a.conf': 'server {\n    listen 80;\n    server_name a.example;\n}\n',
      'conf.d/b.conf': 'server {\n    listen 80;\n    server_name b.example;\n}\n',
    };
    assertRanges(lint(files, 'conf.d/a.conf', RULE), RULE, ['2:5-2:15']);
    assert.deepEqual(lint(files, 'conf.d/b.conf', RULE), []);
  });

  it('fixes: a catch-all default server that closes the connection (ssl_reject_handshake for TLS)', () => {
    const text = http(site('a.example'), site('b.example'));
    const fixed = checkFix({ 'nginx.conf': text }, 'nginx.conf', RULE, { reparse, config: { nginx: { version: '1.22' } } });
    const catchAll = '    server {\n        listen 443 ssl default_server;\n        server_name _;\n        ssl_reject_handshake on;\n        return 444;\n    }\n\n';
    assert.equal(fixed['nginx.conf'], http(catchAll + site('a.example'), site('b.example')));
    const plain = http(site('a.example', 'listen 80;'), site('b.example', 'listen 80;'));
    assert.match(checkFix({ 'nginx.conf': plain }, 'nginx.conf', RULE, { reparse })['nginx.conf'], /listen 80 default_server;\n        server_name _;\n        return 444;/);
  });

  it('offers no fix for TLS before nginx 1.19.4 (a catch-all would need a certificate)', () => {
    const found = lintText('nginx.conf', http(site('a.example'), site('b.example')), RULE, { nginx: { version: '1.18' } });
    assert.deepEqual(found[0].fixes, []);
  });
});
