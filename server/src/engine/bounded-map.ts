/**
 * A Map that holds at most `max` entries: adding one more drops the oldest. The engine's caches of
 * pure answers by text (a variable name, a script, a service's lines) live as long as the server, and
 * a long editing session types new texts without end.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}

  get size(): number { return this.map.size; }
  get(key: K): V | undefined { return this.map.get(key); }
  has(key: K): boolean { return this.map.has(key); }

  set(key: K, value: V): this {
    if (this.map.size >= this.max && !this.map.has(key)) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
    return this;
  }
}

/** `compute`, remembered for the last `max` keys it was called with. `compute` must be pure. */
export function memoByKey<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const cache = new BoundedMap<K, V>(max);
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) cache.set(key, v = compute(key));
    return v as V;
  };
}
