import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses } from '../../nginx/helpers';

const RULE = 'nginx/header-without-always';
const site = 'server {\n    add_header X-Frame-Options "SAMEORIGIN";\n    add_header X-Content-Type-Options nosniff always;\n    add_header Cache-Control no-store;\n    root /srv;\n}\n';

describe('nginx/header-without-always', () => {
  it('reports a security header without always', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:5-2:45']);
    assert.equal(found[0].severity, 'info');
  });

  it('does not report always headers, non-security headers, nor header removals (empty value)', () => {
    assert.deepEqual(lint({ 'nginx/app.conf': 'server {\n    add_header X-Frame-Options DENY always;\n    add_header ETag abc;\n    add_header X-Frame-Options "";\n}\n' }, 'nginx/app.conf', RULE), []);
  });

  it('fix: appends always', () => {
    const fixed = checkFix({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], site.replace('"SAMEORIGIN";', '"SAMEORIGIN" always;'));
  });
});
