import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { argsFlagAffected, overlapAffected } from '../../../../server/src/engine/rules/nginx/rewrite-capture-overflow';
import { reparse, spanOf } from './support';

const RULE = 'nginx/rewrite-capture-overflow';
const loc = (...lines: string[]) => `location / {\n${lines.map((l) => `    ${l}\n`).join('')}}\n`;
const OLD = { nginx: { version: '1.26' } };
const FIXED = { nginx: { version: '1.30.2' } };

describe('nginx/rewrite-capture-overflow', () => {
  it('knows the affected releases of both CVEs (fixed in 1.30.2/1.31.1 and 1.30.1/1.31.0)', () => {
    for (const v of ['1.22', '1.26.3', '1.30.1', '1.31', '1.31.0', 'latest', '']) assert.ok(overlapAffected(v), v);
    for (const v of ['1.30.2', '1.31.1', '1.32']) assert.ok(!overlapAffected(v), v);
    for (const v of ['1.22', '1.30.0', 'mainline']) assert.ok(argsFlagAffected(v), v);
    for (const v of ['1.30.1', '1.31.0', '1.31.1']) assert.ok(!argsFlagAffected(v), v);
  });

  it('CVE-2026-9256: nested captures referenced by number in a redirect (Gixy-Next overlapping_captures)', () => {
    for (const r of ['rewrite ^/((.*))$ http://127.0.0.1:8080/$1$2 redirect;', 'rewrite ^/((.*))$ http://127.0.0.1:8080/$1$2;',
      'rewrite ^/((.*))$ /x?a=$1&b=$2;', 'rewrite ^/(?<outer>(.*))$ http://example.com/$1$2 redirect;']) {
      const text = loc(r);
      const found = lintText('app.conf', text, RULE, OLD);
      assertRanges(found, RULE, [spanOf(text, r.split(' ')[2].replace(/;$/, ''))]);
      assert.match(found[0].message, /CVE-2026-9256/);
    }
  });

  it('CVE-2026-9256 shape only: siblings, one capture, a repeated one, other variables, no escaping context, a fixed nginx', () => {
    for (const r of ['rewrite ^/(.*)/(.*)$ http://x/$1$2;', 'rewrite ^/((.*))$ http://x/$1;', 'rewrite ^/((.*))$ http://x/$1$1$2;',
      'rewrite ^/((.*))$ http://$host/$1$2;', 'rewrite ^/((.*))$ /x/$1$2 last;', 'rewrite ^/((.*))$ /x/$1$2?;']) {
      assert.deepEqual(lintText('app.conf', loc(r), RULE, OLD), [], r);
    }
    assert.deepEqual(lintText('app.conf', loc('rewrite ^/((.*))$ http://x/$1$2 redirect;'), RULE, FIXED), []);
  });

  it('CVE-2026-42945: a `?` rewrite followed by set or if reading $N (Gixy-Next unnamed_groups)', () => {
    const text = loc('rewrite ^(.*) /new?c=1;', 'set $myvar $1;', 'return 200 $myvar;');
    const found = lintText('app.conf', text, RULE, OLD);
    assertRanges(found, RULE, [spanOf(text, '$1')]);
    assert.match(found[0].message, /CVE-2026-42945/);
    const viaIf = loc('rewrite ^/u/(\\d+) /p?id=$1;', 'if ($1 = 0) {', '    return 404;', '}');
    assert.equal(lintText('app.conf', viaIf, RULE, OLD).length, 1);
  });

  it('CVE-2026-42945 shape only: set before the rewrite, no `?`, a sole trailing `?`, named captures, a fixed nginx', () => {
    assert.deepEqual(lintText('app.conf', loc('set $myvar $1;', 'rewrite ^(.*) /new?c=1;'), RULE, OLD), []);
    assert.deepEqual(lintText('app.conf', loc('rewrite ^(.*) /new;', 'set $myvar $1;'), RULE, OLD), []);
    assert.deepEqual(lintText('app.conf', loc('rewrite ^(.*) /new?;', 'set $myvar $1;'), RULE, OLD), []);
    assert.deepEqual(lintText('app.conf', loc('rewrite ^(?<path>.*) /new?c=1;', 'set $myvar $path;'), RULE, OLD), []);
    assert.deepEqual(lintText('app.conf', loc('rewrite ^(.*) /new?c=1;', 'set $myvar $1;'), RULE, { nginx: { version: '1.30.1' } }), []);
  });

  it('fixes CVE-2026-9256: named captures referenced by name', () => {
    const text = loc('rewrite ^/((.*))$ http://127.0.0.1:8080/$1$2 redirect;');
    const fixed = checkFix({ 'app.conf': text }, 'app.conf', RULE, { reparse, config: OLD });
    assert.equal(fixed['app.conf'], loc('rewrite ^/(?<c1>(?<c2>.*))$ http://127.0.0.1:8080/$c1$c2 redirect;'));
    const named = loc('rewrite "^/(?<outer>(.*))$" "http://example.com/$1${2}x" redirect;');
    assert.equal(checkFix({ 'app.conf': named }, 'app.conf', RULE, { reparse, config: OLD })['app.conf'],
      loc('rewrite "^/(?<outer>(?<c2>.*))$" "http://example.com/$outer${c2}x" redirect;'));
  });
});
