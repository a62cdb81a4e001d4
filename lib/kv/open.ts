// Opens the one Deno KV database the app uses: a file by default, ":memory:" or a temp
// file in tests, or a KV Connect URL when several app processes share state.
export async function openKv(path: string): Promise<Deno.Kv> {
  const local = path !== ":memory:" && !/^https?:\/\//.test(path);
  if (local) {
    const dir = path.replace(/[^/]*$/, "");
    if (dir) await Deno.mkdir(dir, { recursive: true });
  }
  return await Deno.openKv(path);
}
