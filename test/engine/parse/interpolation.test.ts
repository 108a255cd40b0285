import * as assert from 'node:assert/strict';
import { scanInterpolation, withDefaults } from '../../../server/src/engine/parse/interpolation';

describe('engine/parse/interpolation', () => {
  it('finds every form with its operator, argument and spans', () => {
    const s = 'a ${A} ${B:-d1} ${C-d2} ${D:?err} ${E?e} $F $$G ${H:+x}';
    const refs = scanInterpolation(s, 100);
    assert.deepEqual(refs.map((r) => [r.name, r.operator ?? '', r.arg ?? '']), [
      ['A', '', ''], ['B', ':-', 'd1'], ['C', '-', 'd2'], ['D', ':?', 'err'], ['E', '?', 'e'], ['F', '', ''], ['H', ':+', 'x'],
    ]);
    const b = refs[1];
    assert.equal(s.slice(b.span.start - 100, b.span.end - 100), '${B:-d1}');
    assert.equal(s.slice(b.argSpan!.start - 100, b.argSpan!.end - 100), 'd1');
    assert.equal(s.slice(b.nameSpan.start - 100, b.nameSpan.end - 100), 'B');
  });

  it('nests defaults and ignores unterminated or invalid references', () => {
    assert.deepEqual(scanInterpolation('${A:-${B:-x}}').map((r) => [r.name, r.arg]), [['A', '${B:-x}']]);
    assert.deepEqual(scanInterpolation('${A:-x'), []);
    assert.deepEqual(scanInterpolation('${1A} $ $$'), []);
  });

  it('resolves defaults and unescapes $$', () => {
    assert.equal(withDefaults('${IP:-127.0.0.1}:${P:-5432}:5432'), '127.0.0.1:5432:5432');
    assert.equal(withDefaults('pa$$word'), 'pa$word');
    assert.equal(withDefaults('${A:-${B:-x}}y'), 'xy');
    assert.equal(withDefaults('${A}'), undefined);
  });
});
