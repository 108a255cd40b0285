import * as assert from 'node:assert/strict';
import { lint, assertRanges, checkFix } from '../../../support/lint';
import { nginxParses } from '../../nginx/helpers';

const RULE = 'nginx/deprecated-xss-protection';
const site = 'server {\n    add_header X-XSS-Protection "1; mode=block" always;\n}\n';

describe('nginx/deprecated-xss-protection', () => {
  it('reports X-XSS-Protection 1, on the value', () => {
    const found = lint({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:33-2:48']);
    assert.equal(found[0].severity, 'info');
  });

  it('does not report "0"', () => {
    assert.deepEqual(lint({ 'nginx/app.conf': 'add_header X-XSS-Protection "0" always;\n' }, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lint({ 'nginx/app.conf': 'add_header X-XSS-Protection 0;\n' }, 'nginx/app.conf', RULE), []);
  });

  it('fix: sets "0"', () => {
    const fixed = checkFix({ 'nginx/app.conf': site }, 'nginx/app.conf', RULE, { reparse: nginxParses });
    assert.equal(fixed['nginx/app.conf'], 'server {\n    add_header X-XSS-Protection "0" always;\n}\n');
  });
});
