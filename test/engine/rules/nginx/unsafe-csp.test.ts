import * as assert from 'node:assert/strict';
import { lint, assertRanges } from '../../../support/lint';

const RULE = 'nginx/unsafe-csp';
const site = (csp: string) => `server {\n    add_header Content-Security-Policy "${csp}" always;\n}\n`;

describe('nginx/unsafe-csp', () => {
  it("reports 'unsafe-inline' and 'unsafe-eval' in script sources, on the value", () => {
    const found = lint({ 'nginx/app.conf': site("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'") }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:40-2:109']);
    assert.match(found[0].message, /'unsafe-inline' in script-src, 'unsafe-eval' in script-src/);
  });

  it('reads default-src when there is no script-src, and reports * sources', () => {
    assertRanges(lint({ 'nginx/app.conf': site("default-src 'self' 'unsafe-inline'") }, 'nginx/app.conf', RULE), RULE, ['2:40-2:76']);
    assert.match(lint({ 'nginx/app.conf': site("default-src 'self'; script-src *") }, 'nginx/app.conf', RULE)[0].message, /any source \(\*\) in script-src/);
  });

  it("does not report strict policies, 'unsafe-inline' in style-src, or with a nonce", () => {
    assert.deepEqual(lint({ 'nginx/app.conf': site("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src * data:") }, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lint({ 'nginx/app.conf': site("script-src 'nonce-abc' 'unsafe-inline' 'strict-dynamic'") }, 'nginx/app.conf', RULE), []);
  });

  it('has no fix (the sources depend on the app)', () => {
    assert.deepEqual(lint({ 'nginx/app.conf': site("script-src 'unsafe-eval'") }, 'nginx/app.conf', RULE)[0].fixes, []);
  });
});
