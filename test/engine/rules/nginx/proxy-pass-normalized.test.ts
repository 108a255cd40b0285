import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';
import { uriPart } from '../../../../server/src/engine/rules/nginx/proxy-pass-normalized';

const RULE = 'nginx/proxy-pass-normalized';
const site = (loc: string, body: string) => `server {\n    listen 80;\n    location ${loc} {\n${body}    }\n}\n`;

describe('nginx/proxy-pass-normalized', () => {
  it('finds the URI part after scheme://host[:port] and after a unix socket path', () => {
    assert.equal(uriPart('http://app:3000'), '');
    assert.equal(uriPart('http://app:3000/'), '/');
    assert.equal(uriPart('http://app/api/v1'), '/api/v1');
    assert.equal(uriPart('http://unix:/run/app.sock:/api/'), '/api/');
    assert.equal(uriPart('http://unix:/run/app.sock'), '');
    assert.equal(uriPart('$scheme://$host/$1'), '/$1');
  });

  it('reports a proxy_pass with a URI part at the target (Gixy-Next proxy_pass_normalized): info, warning under auth_request', () => {
    const text = site('/api/', '        proxy_pass http://app:3000/;\n');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'http://app:3000/')]);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /URI part \("\/"\)/);
    const checked = site('/api/', '        auth_request /auth;\n        proxy_pass http://app:3000/;\n');
    const warned = lintText('app.conf', checked, RULE);
    assert.equal(warned[0].severity, 'warning');
    assert.match(warned[0].message, /auth_request \/auth can be shown the raw one/);
  });

  it('reports a path built from a capture of a regex location (warning), and a fixed URI after rewrite ^ $request_uri (double encoding, info)', () => {
    const capture = site('~ ^/api/(.*)$', '        proxy_pass http://app:3000/$1;\n');
    const found = lintText('app.conf', capture, RULE);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /%3F arrives as \?/);
    const twice = site('/api/', '        rewrite ^ $request_uri;\n        rewrite ^/api(/.*) $1 break;\n        return 400;\n        proxy_pass http://app:3000/;\n');
    const double = lintText('app.conf', twice, RULE);
    assert.match(double[0].message, /%252F/);
    assert.equal(double[0].severity, 'info');
  });

  it('accepts no URI part, the raw-URI pattern with a variable, $request_uri, exact and regex locations with a fixed URI', () => {
    assert.deepEqual(lintText('app.conf', site('/api/', '        proxy_pass http://app:3000;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('/api/', '        rewrite ^ $request_uri;\n        rewrite ^/api(/.*) $1 break;\n        return 400;\n        proxy_pass http://app:3000$1;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('/', '        proxy_pass http://app:3000$request_uri;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('= /health', '        proxy_pass http://app:3000/healthz;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('@app', '        proxy_pass http://app:3000;\n'), RULE), []);
  });

  it('does not count a rewrite ^ $request_uri inside an if; skips template markup and internal locations', () => {
    const cond = site('/api/', '        if ($arg_raw) {\n            rewrite ^ $request_uri;\n        }\n        proxy_pass http://app:3000/;\n');
    assert.equal(lintText('app.conf', cond, RULE).length, 1);
    assert.deepEqual(lintText('app.conf', site('/api/', '        proxy_pass {{ upstream }}/;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('/auth-verify', '        internal;\n        proxy_pass http://auth:9000/verify;\n'), RULE), [], 'an auth_request target');
  });

  it('fixes: drops a URI part equal to the location prefix (not applied by Fix all)', () => {
    const fixed = checkFix({ 'app.conf': site('/', '        proxy_pass http://app:3000/;\n') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site('/', '        proxy_pass http://app:3000;\n'));
    const same = checkFix({ 'app.conf': site('/api/', '        proxy_pass "http://app:3000/api/";\n') }, 'app.conf', RULE, { reparse });
    assert.equal(same['app.conf'], site('/api/', '        proxy_pass "http://app:3000";\n'));
    assert.deepEqual(lintText('app.conf', site('/api/', '        proxy_pass http://app:3000/;\n'), RULE)[0].fixes, [], 'a prefix that is stripped has no one-line fix');
  });
});
