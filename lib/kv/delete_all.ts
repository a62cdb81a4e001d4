// Removing all a stream or an account kept: each family's own key for its id, and every
// key under it, in commits of a few hundred (well under KV's limit on one commit).
const BATCH = 500;

/** Deletes `family(id)` and every key under it, for each family. */
export async function deleteFamilies(
  kv: Deno.Kv,
  families: ((id: string) => Deno.KvKey)[],
  id: string,
): Promise<void> {
  for (const family of families) {
    await kv.delete(family(id));
    await deleteUnder(kv, family(id));
  }
}

/** Deletes every key under `prefix` (those `which` picks), each with the keys `beside` names for it. */
export async function deleteUnder(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
  which = (_key: Deno.KvKey) => true,
  beside = (_key: Deno.KvKey): Deno.KvKey[] => [],
) {
  let op = kv.atomic();
  let count = 0;
  for await (const { key } of kv.list({ prefix })) {
    if (!which(key)) continue;
    const gone = [key, ...beside(key)];
    for (const each of gone) op.delete(each);
    count += gone.length;
    if (count >= BATCH) {
      await op.commit();
      op = kv.atomic();
      count = 0;
    }
  }
  await op.commit();
}
