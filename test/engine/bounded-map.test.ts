import * as assert from 'node:assert/strict';
import { BoundedMap, memoByKey } from '../../server/src/engine/bounded-map';

describe('BoundedMap', () => {
  it('holds at most max entries, dropping the oldest first', () => {
    const m = new BoundedMap<string, number>(3);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) m.set(k, i);
    assert.equal(m.size, 3);
    assert.equal(m.has('a'), false);
    assert.deepEqual(['b', 'c', 'd'].map((k) => m.get(k)), [1, 2, 3]);
  });

  it('replacing the value of a key it holds drops nothing', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('a', 3);
    assert.equal(m.size, 2);
    assert.equal(m.get('a'), 3);
    assert.equal(m.get('b'), 2);
  });
});

describe('memoByKey', () => {
  it('computes once per key, undefined answers included', () => {
    const calls: string[] = [];
    const f = memoByKey(10, (k: string) => { calls.push(k); return k.startsWith('x') ? undefined : k.length; });
    assert.deepEqual([f('xy'), f('abc'), f('xy'), f('abc')], [undefined, 3, undefined, 3]);
    assert.deepEqual(calls, ['xy', 'abc']);
  });

  it('computes again a key it had to drop', () => {
    const calls: number[] = [];
    const f = memoByKey(2, (k: number) => { calls.push(k); return k * 2; });
    assert.deepEqual([1, 2, 3, 1].map(f), [2, 4, 6, 2]);
    assert.deepEqual(calls, [1, 2, 3, 1]);
  });
});
