/** A Map or WeakMap, as `memo` uses it. */
interface MapLike<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): unknown;
}

/**
 * What `map` holds under `key`; the first time, `make`'s value, kept there. The emitters and
 * the docs merge ask the same questions many times (Graph: a type has many positions, a path
 * many operations), so they keep answers per model or per run in maps; `undefined` is an
 * answer too.
 */
export function memo<K, V>(map: MapLike<K, V>, key: K, make: () => V): V {
  const known = map.get(key);
  if (known !== undefined || map.has(key)) return known as V;
  const value = make();
  map.set(key, value);
  return value;
}
