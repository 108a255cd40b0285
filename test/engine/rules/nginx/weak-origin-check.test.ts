import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/weak-origin-check';
const cors = (key: string) => `map $http_origin $cors_origin {\n    default "";\n    ${key} $http_origin;\n}\nserver {\n    listen 80;\n    add_header Access-Control-Allow-Origin $cors_origin always;\n}\n`;
const gate = (cond: string) => `server {\n    listen 80;\n    location /api/ {\n        if (${cond}) {\n            return 403;\n        }\n        proxy_pass http://app:3000;\n    }\n}\n`;

describe('nginx/weak-origin-check', () => {
  it('reports a map key without $ as an error, naming an origin that gets through (Gixy-Next origins)', () => {
    const text = cors('~^https://app\\.example\\.com');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, '~^https://app\\.example\\.com')]);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /accepts https:\/\/app\.example\.com\.attacker\.com/);
  });

  it('reports an unescaped dot, a suffix match without a dot, a missing ^', () => {
    assert.match(lintText('app.conf', cors('~^https://www.example\\.com$'), RULE)[0].message, /www-example\.com/);
    assert.match(lintText('app.conf', cors('~^https://.*example\\.com$'), RULE)[0].message, /attackerexample\.com/);
    assert.match(lintText('app.conf', gate('$http_origin !~ "example\\.com$"'), RULE)[0].message, /attackerexample\.com/);
  });

  it('accepts anchored, escaped patterns, subdomains after a dot, refusing map entries and exact comparisons', () => {
    assert.deepEqual(lintText('app.conf', cors('~^https://app\\.example\\.com$'), RULE), []);
    assert.deepEqual(lintText('app.conf', cors('~^https://([a-z0-9-]+\\.)?example\\.com(:[0-9]+)?$'), RULE), []);
    assert.deepEqual(lintText('app.conf', `map $http_origin $bad {\n    default 1;\n    ~evil 0;\n}\nserver {\n    if ($bad) { return 403; }\n}\n`, RULE), []);
    const logOnly = 'map $http_referer $ref_label {\n    default other;\n    ~example\\.com own;\n}\nlog_format main \'$remote_addr $ref_label\';\n';
    assert.deepEqual(lintText('app.conf', logOnly, RULE), [], 'a map read only by logging decides nothing');
    assert.deepEqual(lintText('app.conf', gate('$http_origin != "https://app.example.com"'), RULE), []);
    assert.deepEqual(lintText('app.conf', gate('$http_referer !~ "^https://app\\.example\\.com/"'), RULE), []);
  });

  it('reports plain http as a warning for Origin, info for Referer; a Referer bypass as a warning', () => {
    assert.equal(lintText('app.conf', cors('~^https?://app\\.example\\.com$'), RULE)[0].severity, 'warning');
    assert.equal(lintText('app.conf', gate('$http_referer !~ "^https?://app\\.example\\.com/"'), RULE)[0].severity, 'info');
    const found = lintText('app.conf', gate('$http_referer !~ "app\\.example\\.com"'), RULE);
    assert.equal(found[0].severity, 'warning');
  });

  it('reports the $http_referrer typo at the variable', () => {
    const text = gate('$http_referrer !~ "^https://app\\.example\\.com/"');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, '$http_referrer')]);
    assert.match(found[0].message, /always sees an empty value/);
  });

  it('skips PCRE-only syntax it cannot read, and nested quantifiers that would backtrack without end', () => {
    assert.deepEqual(lintText('app.conf', cors('~^https://(?>app)\\.example\\.com'), RULE), []);
    const started = Date.now();
    assert.deepEqual(lintText('app.conf', cors('~^https://([a-z]+)+\\.averyveryverylongdomainname\\.com'), RULE), []);
    assert.ok(Date.now() - started < 2000, 'no catastrophic backtracking');
  });

  it('fixes: anchors the map key and escapes its dots (quotes kept)', () => {
    const fixed = checkFix({ 'app.conf': cors('"~*^https://www.example.com"') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], cors('"~*^https://www\\.example\\.com$"'));
  });

  it('fixes: an if pattern with alternation is grouped and anchored, and quoted when it needs quotes', () => {
    const fixed = checkFix({ 'app.conf': gate('$http_origin !~* ^https://(app|www).example.com') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], gate('$http_origin !~* "^https://(app|www)\\.example\\.com$"'));
    const alt = checkFix({ 'app.conf': gate('$http_origin !~ "^https://a\\.example\\.com|^https://b\\.example\\.com"') }, 'app.conf', RULE, { reparse });
    assert.equal(alt['app.conf'], gate('$http_origin !~ "^(?:https://a\\.example\\.com|^https://b\\.example\\.com)$"'));
  });

  it('fixes: $http_referrer -> $http_referer', () => {
    const fixed = checkFix({ 'app.conf': gate('$http_referrer !~ "^https://app\\.example\\.com/"') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], gate('$http_referer !~ "^https://app\\.example\\.com/"'));
  });
});
