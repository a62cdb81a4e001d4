// getMany for any number of keys: KV answers at most 10 a call, so more are read in
// several calls at once. Not one snapshot: a commit that needs them unchanged checks them.

/** getMany's most keys in one call. */
export const MAX_KEYS = 10;

/** The entries of `keys`, in their order. */
export async function getAll<T>(kv: Deno.Kv, keys: Deno.KvKey[]): Promise<Deno.KvEntryMaybe<T>[]> {
  const parts: Deno.KvKey[][] = [];
  for (let i = 0; i < keys.length; i += MAX_KEYS) parts.push(keys.slice(i, i + MAX_KEYS));
  return (await Promise.all(parts.map((part) => kv.getMany<T[]>(part)))).flat();
}
