import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses } from '../../nginx/helpers';

const RULE = 'nginx/weak-hsts';
const site = (hsts: string) => `server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security ${hsts} always;\n    root /srv;\n}\n`;

describe('nginx/weak-hsts', () => {
  it('reports a max-age under one year, on the value', () => {
    const found = lint({ 'nginx/app.conf': site('"max-age=15768000; includeSubDomains"') }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['3:42-3:79']);
    assert.match(found[0].message, /15768000/);
  });

  it('reports a value without max-age', () => {
    assertRanges(lint({ 'nginx/app.conf': site('includeSubDomains') }, 'nginx/app.conf', RULE), RULE, ['3:42-3:59']);
  });

  it('does not report one year or more, nor a variable value', () => {
    assert.deepEqual(lint({ 'nginx/app.conf': site('"max-age=31536000"') }, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lint({ 'nginx/app.conf': site('"max-age=63072000; includeSubDomains; preload"') }, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lint({ 'nginx/app.conf': site('$hsts_value') }, 'nginx/app.conf', RULE), []);
  });

  it('reports in a snippet file linted on its own (more_set_headers too)', () => {
    assertRanges(lint({ 'nginx/snippets/hsts.conf': "more_set_headers 'Strict-Transport-Security: max-age=300';\n" }, 'nginx/snippets/hsts.conf', RULE), RULE, ['1:18-1:58']);
  });

  it('fix: sets max-age=63072000 and keeps the rest of the value', () => {
    const fixed = checkFix({ 'nginx/app.conf': site('"max-age=15768000; includeSubDomains"') }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], site('"max-age=63072000; includeSubDomains"'));
    const noAge = checkFix({ 'nginx/app.conf': site('includeSubDomains') }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(noAge['nginx/app.conf'], site('"max-age=63072000; includeSubDomains"'));
  });
});
