import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/map-without-default';
const ADMIN_MAP = 'map $request_uri $is_public {\n    /login 1;\n    /health 1;\n}\n';
const guard = (v: string, cond = `${v} = 0`) => `server {\n    listen 80;\n    location / {\n        if (${cond}) {\n            return 403;\n        }\n        proxy_pass http://app:3000;\n    }\n}\n`;

describe('nginx/map-without-default', () => {
  it('reports a map without default whose result an if uses to refuse requests (Gixy-Next hash_without_default)', () => {
    const text = ADMIN_MAP + guard('$is_public');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, '$is_public')]);
    assert.equal(found[0].severity, 'info');
    assert.equal(found[0].related?.length, 1);
  });

  it('reports a geo without default, even with one entry', () => {
    const text = 'geo $blocked {\n    203.0.113.0/24 1;\n}\n' + guard('$blocked', '$blocked');
    assertRanges(lintText('app.conf', text, RULE), RULE, [spanOf(text, '$blocked')]);
  });

  it('accepts a default, a single-entry map, and maps used outside access decisions (rate-limit keys, headers)', () => {
    assert.deepEqual(lintText('app.conf', 'map $request_uri $is_public {\n    default 0;\n    /login 1;\n    /health 1;\n}\n' + guard('$is_public'), RULE), []);
    assert.deepEqual(lintText('app.conf', 'map $request_uri $is_public {\n    /login 1;\n}\n' + guard('$is_public'), RULE), []);
    const limitKey = 'map $request_uri $limit_key {\n    ~^/api $binary_remote_addr;\n    ~^/auth $binary_remote_addr;\n}\nlimit_req_zone $limit_key zone=api:10m rate=5r/s;\n';
    assert.deepEqual(lintText('app.conf', limitKey, RULE), []);
    const routing = ADMIN_MAP + 'server {\n    listen 80;\n    if ($is_public) {\n        rewrite ^ /public last;\n    }\n}\n';
    assert.deepEqual(lintText('app.conf', routing, RULE), []);
  });

  it('fixes: adds `default 0;` first in the block (after geo parameters)', () => {
    const fixed = checkFix({ 'app.conf': ADMIN_MAP + guard('$is_public') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], 'map $request_uri $is_public {\n    default 0;\n    /login 1;\n    /health 1;\n}\n' + guard('$is_public'));
    const geo = 'geo $blocked {\n    ranges;\n    203.0.113.0-203.0.113.255 1;\n}\n' + guard('$blocked', '$blocked');
    assert.match(checkFix({ 'app.conf': geo }, 'app.conf', RULE, { reparse })['app.conf'], /ranges;\n    default 0;\n    203/);
  });
});
