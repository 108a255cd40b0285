import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses } from '../../nginx/helpers';

const RULE = 'nginx/missing-csp';
const site = "server {\n    listen 443 ssl;\n    add_header X-Frame-Options 'DENY' always;\n    root /srv;\n}\n";

describe('nginx/missing-csp', () => {
  it('reports a server without Content-Security-Policy', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['1:1-1:7']);
    assert.equal(found[0].severity, 'warning');
  });

  it('Report-Only does not count; a CSP on the server or from http does', () => {
    assertRanges(lint({ 'nginx/app.conf': site.replace('root', `add_header Content-Security-Policy-Report-Only "default-src 'self'";\n    root`) }, 'nginx/app.conf', RULE), RULE, ['1:1-1:7']);
    assert.deepEqual(lint({ 'nginx/app.conf': site.replace('root', `add_header Content-Security-Policy "default-src 'self'" always;\n    root`) }, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lint({ 'nginx/nginx.conf': `http {\n  add_header Content-Security-Policy "default-src 'self'" always;\n  server { listen 443 ssl; root /srv; }\n}\n` }, 'nginx/nginx.conf', RULE), []);
  });

  it('fix: a conservative policy, unsafe, in the quote style of the file', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assert.equal(found[0].fixes[0].safe, false);
    const fixed = checkFix({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], site.replace("always;\n", `always;\n    add_header Content-Security-Policy "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests" always;\n`));
  });
});
