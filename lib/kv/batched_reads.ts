// Reads asked for together (in one turn of the event loop, as the branches of a
// Promise.all are) go to KV as one getMany: one trip to the store's thread instead of one
// each. For pages that read a little of many capabilities at once; writes are left alone.
// Eventual reads, lists and everything else pass straight through.

import { MAX_KEYS } from "./get_all.ts";

interface Wanted {
  key: Deno.KvKey;
  resolve: (entry: Deno.KvEntryMaybe<unknown>) => void;
  reject: (error: unknown) => void;
}

/** `kv`, with strong gets (and getMany) asked for in the same turn read in one getMany. */
export function batchedReads(kv: Deno.Kv): Deno.Kv {
  let wanted: Wanted[] = [];
  const flush = () => {
    const batch = wanted;
    wanted = [];
    for (let i = 0; i < batch.length; i += MAX_KEYS) {
      const part = batch.slice(i, i + MAX_KEYS);
      kv.getMany(part.map((w) => w.key)).then(
        (entries) => part.forEach((w, j) => w.resolve(entries[j]!)),
        (error) => part.forEach((w) => w.reject(error)),
      );
    }
  };
  const read = (key: Deno.KvKey) =>
    new Promise<Deno.KvEntryMaybe<unknown>>((resolve, reject) => {
      if (!wanted.length) queueMicrotask(flush);
      wanted.push({ key, resolve, reject });
    });
  const strong = (options?: { consistency?: Deno.KvConsistencyLevel }) => options?.consistency !== "eventual";
  const get = (key: Deno.KvKey, options?: { consistency?: Deno.KvConsistencyLevel }) =>
    strong(options) ? read(key) : kv.get(key, options);
  const getMany = (keys: Deno.KvKey[], options?: { consistency?: Deno.KvConsistencyLevel }) =>
    strong(options) ? Promise.all(keys.map(read)) : kv.getMany(keys, options);
  return new Proxy(kv, {
    get(target, name) {
      if (name === "get") return get;
      if (name === "getMany") return getMany;
      const value = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
