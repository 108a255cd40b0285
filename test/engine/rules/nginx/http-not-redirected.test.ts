import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses, conf } from '../../nginx/helpers';

const RULE = 'nginx/http-not-redirected';

const tls = conf(
  'server {',
  '    listen 443 ssl;',
  '    server_name app.example.com;',
  '    ssl_certificate /etc/ssl/app.pem;',
  '    ssl_certificate_key /etc/ssl/app.key;',
  '    location / { proxy_pass http://app:3000; }',
  '}',
);
const plain = conf(
  'server {',
  '    listen 80;',
  '    server_name app.example.com;',
  '    include snippets/acme.conf;',
  '    location / {',
  '        proxy_pass http://app:3000;',
  '    }',
  '}',
);

describe('nginx/http-not-redirected', () => {
  it('a TLS catch-all that rejects every handshake is nothing to redirect to: not reported here, the plain server is no-https', () => {
    const files = { 'nginx/app.conf': plain + 'server {\n    listen 443 ssl default_server;\n    ssl_reject_handshake on;\n}\n', 'nginx/snippets/acme.conf': 'location ^~ /.well-known/acme-challenge/ { root /var/www/certbot; }\n' };
    assert.deepEqual(lint(files, 'nginx/app.conf', RULE), []);
    assertRanges(lint(files, 'nginx/app.conf', 'nginx/no-https'), 'nginx/no-https', ['2:5-2:15']);
  });

  it('reports a plain server that serves content next to a TLS server', () => {
    const found = lint({ 'nginx/app.conf': plain + tls, 'nginx/snippets/acme.conf': 'location ^~ /.well-known/acme-challenge/ { root /var/www/certbot; }\n' }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:5-2:15']);
    assert.equal(found[0].severity, 'warning');
  });

  it('a file named as the plain-HTTP variant of a TLS sibling (no-ssl.*) is reported at info, saying so, with no fix', () => {
    const files = { 'nginx/templates/no-ssl.example.com.conf': plain, 'nginx/templates/example.com.conf': tls, 'nginx/snippets/acme.conf': 'location ^~ /.well-known/acme-challenge/ { root /var/www/certbot; }\n' };
    const found = lint(files, 'nginx/templates/no-ssl.example.com.conf', RULE);
    assertRanges(found, RULE, ['2:5-2:15']);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /name \("no-ssl"\) marks it the plain-HTTP variant/);
    assert.deepEqual(found[0].fixes, []);
    // The same server in a file not named so keeps its warning (a word of the name, not a syllable: "nossler" is not one).
    for (const name of ['nginx/templates/app.conf', 'nginx/templates/nossler.conf']) {
      const kept = lint({ ...files, [name]: plain }, name, RULE);
      assertRanges(kept, RULE, ['2:5-2:15']);
      assert.equal(kept[0].severity, 'warning');
    }
  });

  it('reports a server that listens on both 80 and 443 ssl without redirecting', () => {
    const both = 'server {\n    listen 80;\n    listen 443 ssl;\n    ssl_certificate /c.pem;\n    ssl_certificate_key /k.pem;\n    root /srv;\n}\n';
    assertRanges(lint({ 'nginx/app.conf': both }, 'nginx/app.conf', RULE), RULE, ['2:5-2:15']);
  });

  it('does not report a redirecting port-80 server, nor a plain server when no TLS server exists (no-https does)', () => {
    const redirect = 'server {\n    listen 80;\n    location /.well-known/acme-challenge/ { root /var/www/certbot; }\n    location / { return 301 https://$host$request_uri; }\n}\n';
    assert.deepEqual(lint({ 'nginx/app.conf': redirect + tls }, 'nginx/app.conf', RULE), []);
    const schemeIf = 'server {\n    listen 80;\n    listen 443 ssl;\n    ssl_certificate /c.pem;\n    if ($scheme = http) { return 301 https://$host$request_uri; }\n    root /srv;\n}\n';
    assert.deepEqual(lint({ 'nginx/app.conf': schemeIf }, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lint({ 'nginx/app.conf': plain }, 'nginx/app.conf', RULE), []);
  });

  it('fix: the body becomes a 301 to https, keeping listen, server_name and the ACME include', () => {
    const files = { 'nginx/app.conf': plain + tls, 'nginx/snippets/acme.conf': 'location ^~ /.well-known/acme-challenge/ { root /var/www/certbot; }\n' };
    const fixed = checkFix(files, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], conf(
      'server {',
      '    listen 80;',
      '    server_name app.example.com;',
      '    include snippets/acme.conf;',
      '    location / {',
      '        return 301 https://$host$request_uri;',
      '    }',
      '}',
    ) + tls);
    assert.equal(lint(files, 'nginx/app.conf', RULE)[0].fixes[0].safe, false);
  });

  it('fix without ACME: a server-level return', () => {
    const fixed = checkFix({ 'nginx/app.conf': 'server {\n  listen 80;\n  root /srv;\n}\n' + tls }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.ok(fixed['nginx/app.conf'].startsWith('server {\n  listen 80;\n  return 301 https://$host$request_uri;\n}\n'));
  });

  it('fix for a server on both ports: an if ($scheme = http) redirect', () => {
    const both = 'server {\n    listen 80;\n    listen 443 ssl;\n    ssl_certificate /c.pem;\n    ssl_certificate_key /k.pem;\n    root /srv;\n}\n';
    const fixed = checkFix({ 'nginx/app.conf': both }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.match(fixed['nginx/app.conf'], /listen 443 ssl;\n    if \(\$scheme = http\) \{\n        return 301 https:\/\/\$host\$request_uri;\n    \}\n    ssl_certificate/);
  });
});
