// Deleting many keys at once: in commits of a few hundred, well inside KV's limits on
// mutations per commit. Each commit is atomic; the whole need not be (what is deleted is
// gone either way, and a retry deletes the rest).
const PER_COMMIT = 400;

export async function deleteAll(kv: Deno.Kv, keys: Deno.KvKey[]): Promise<void> {
  for (let i = 0; i < keys.length; i += PER_COMMIT) {
    const op = kv.atomic();
    for (const key of keys.slice(i, i + PER_COMMIT)) op.delete(key);
    await op.commit();
  }
}
