import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applySplices } from '../../server/src/engine';
import { minimalEdit } from '../../server/src/service/fix-all';

describe('service: fix-all as one minimal edit', () => {
  it('replaces only what changed, with the range of the original text', () => {
    const e = minimalEdit('/f', 'a\nserver_tokens on;\nb\n', 'a\nserver_tokens off;\nb\n');
    assert.deepEqual({ start: e.start, end: e.end, newText: e.newText }, { start: 17, end: 18, newText: 'ff' });
    assert.deepEqual(e.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 16 } });
  });

  it('never splits a CRLF pair', () => {
    const e = minimalEdit('/f', 'a\r\nb', 'a\nb');
    assert.ok(e.start <= 1 && e.end >= 3, JSON.stringify(e));
    assert.equal(applySplices('a\r\nb', [e]), 'a\nb');
  });

  it('always turns before into after', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\r', '\n', '😀') }), fc.string({ unit: fc.constantFrom('a', 'b', '\r', '\n', '😀') }), (a, b) => {
      const e = minimalEdit('/f', a, b);
      assert.equal(applySplices(a, [e]), b);
    }));
  });
});
