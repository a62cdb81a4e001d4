// Indexes by time: keys of [...index, ISO time, id], which sort oldest first, so the
// sweeps of old drafts and idle accounts read only what is due.

/** The index's keys whose time is before `before` (ISO), oldest first; an id ends each. */
export async function indexedBefore(kv: Deno.Kv, index: Deno.KvKey, before: string): Promise<Deno.KvKey[]> {
  // [...index, before] sorts after every key of an earlier time, and before any of its own.
  const due = kv.list({ prefix: index, end: [...index, before] });
  return (await Array.fromAsync(due)).map((e) => e.key);
}
