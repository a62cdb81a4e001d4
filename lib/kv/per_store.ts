// What a module keeps in memory about a store (caches, counts) is kept for each store
// apart, so apps in one process (as in tests) never share it; it goes with the store.

/** `make()`'s value for each store, made the first time that store is asked for. */
export function perStore<T>(make: () => T): (kv: Deno.Kv) => T {
  const all = new WeakMap<Deno.Kv, T>();
  return (kv) => {
    let value = all.get(kv);
    if (value === undefined) all.set(kv, value = make());
    return value;
  };
}
