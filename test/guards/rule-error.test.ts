import * as assert from 'node:assert/strict';
import { MemoryHost, Workspace, lintFile, mergeConfig, getRule } from '../../server/src/engine';
import { Linter } from '../../server/src/service/linter';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';

/** A server block with findings from several nginx rules (server_tokens, headers, HTTPS...). */
const NGINX = 'server {\n    listen 80;\n    server_name app.example.com;\n    server_tokens on;\n    location / { proxy_pass http://app:3000; }\n}\n';
const BROKEN = 'nginx/server-tokens';

/** Makes one real rule throw for the duration of `fn` (a bug in a rule, as the engine would meet it). */
function withThrowingRule<T>(fn: () => T): T {
  const rule = getRule(BROKEN)!;
  const check = rule.check;
  rule.check = () => { throw new TypeError('rule bug'); };
  try { return fn(); } finally { rule.check = check; }
}

describe('guards: a rule that throws is isolated', () => {
  it('engine: the other rules still report and onRuleError names the rule once', () => {
    const ws = new Workspace(new MemoryHost({ '/ws/nginx.conf': NGINX }));
    const healthy = lintFile(ws, '/ws/nginx.conf', mergeConfig());
    assert.ok(healthy.some((f) => f.rule === BROKEN), 'the rule reports when it works');
    const errors: [string, string, unknown][] = [];
    const found = withThrowingRule(() => lintFile(ws, '/ws/nginx.conf', mergeConfig(), { onRuleError: (id, file, e) => errors.push([id, file, e]) }));
    assert.deepEqual(errors.map(([id, file]) => [id, file]), [[BROKEN, '/ws/nginx.conf']]);
    assert.ok(errors[0][2] instanceof TypeError);
    assert.deepEqual(found, healthy.filter((f) => f.rule !== BROKEN), 'every other finding is unchanged');
  });

  it('server linter: the error is logged once per rule id, with the id, across lints', () => {
    const logged: string[] = [];
    const log = { info: () => undefined, warn: () => undefined, error: (m: string) => { logged.push(m); } };
    const ws = new Workspace(new MemoryHost({ '/ws/nginx.conf': NGINX, '/ws/other/nginx.conf': NGINX.replace('app.', 'b.') }));
    const linter = new Linter(ws, log);
    const results = withThrowingRule(() => [
      linter.lint('/ws/nginx.conf', 'nginx', DEFAULT_SETTINGS),
      linter.lint('/ws/nginx.conf', 'nginx', DEFAULT_SETTINGS),
      linter.lint('/ws/other/nginx.conf', 'nginx', DEFAULT_SETTINGS),
    ]);
    assert.equal(logged.length, 1, `one log line, got: ${logged.join(' | ')}`);
    assert.match(logged[0], /rule nginx\/server-tokens failed on \/ws\/nginx\.conf/);
    assert.match(logged[0], /TypeError/);
    assert.ok(!logged[0].includes('rule bug'), 'the error message (which may quote file text) is not logged');
    for (const r of results) {
      assert.ok(r.findings.length > 0, 'the other rules still report');
      assert.ok(!r.findings.some((f) => f.rule === BROKEN));
    }
  });
});
