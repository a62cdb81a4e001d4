// scripts/backup and scripts/restore on data folders of this machine: what a restore puts
// back is what was there, data in the way is moved aside only when asked, and an archive
// that is not a backup is refused in plain words. (tests/e2e/selfhost_test.ts backs up a
// running app while a stream is live.)
import { join } from "node:path";
import { assert, assertEquals } from "@/tests/assert.ts";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";
import { PNG_BYTES } from "@/tests/fixtures/images.ts";
import { withTempDir } from "@/tests/temp_dir.ts";

async function run(script: string, ...args: string[]): Promise<{ code: number; output: string }> {
  const out = await new Deno.Command(`${REPO_ROOT}/scripts/${script}`, { args, stdin: "null" }).output();
  return { code: out.code, output: new TextDecoder().decode(new Uint8Array([...out.stdout, ...out.stderr])) };
}

async function seed(dir: string, value: string): Promise<void> {
  await Deno.mkdir(join(dir, "images"), { recursive: true });
  await Deno.writeFile(join(dir, "images", "0123456789abcdef0123456789abcdef.png"), PNG_BYTES);
  const kv = await Deno.openKv(join(dir, "showfloor.kv"));
  await kv.set(["seller", "s1"], { name: value });
  kv.close();
}

async function sellerName(dir: string): Promise<unknown> {
  const kv = await Deno.openKv(join(dir, "showfloor.kv"));
  try {
    return (await kv.get<{ name: string }>(["seller", "s1"])).value?.name;
  } finally {
    kv.close();
  }
}

Deno.test("scripts/restore puts back what scripts/backup took, and moves data in the way aside only with --force", () =>
  withTempDir("showfloor-backup-", async (tmp) => {
    const [live, restored, archive] = [join(tmp, "live"), join(tmp, "restored"), join(tmp, "b.tar.gz")];
    await seed(live, "Linen & Co");
    const backup = await run("backup", "--data-dir", live, "--out", archive);
    assertEquals(backup.code, 0, backup.output);
    assert(backup.output.includes("1 image(s)"), backup.output);
    assertEquals((await Deno.stat(archive)).mode! & 0o777, 0o600, "every account's hash, this user's alone");

    assertEquals((await run("restore", archive, "--data-dir", restored)).code, 0);
    assertEquals(await sellerName(restored), "Linen & Co");
    const image = join(restored, "images", "0123456789abcdef0123456789abcdef.png");
    assertEquals(await Deno.readFile(image), PNG_BYTES);

    await seed(restored, "Changed since");
    const refused = await run("restore", archive, "--data-dir", restored);
    assertEquals(refused.code, 1);
    assert(
      refused.output.includes("There is a KV file at") && refused.output.includes("--force"),
      refused.output,
    );
    assertEquals(await sellerName(restored), "Changed since");

    const forced = await run("restore", archive, "--data-dir", restored, "--force");
    assertEquals(forced.code, 0, forced.output);
    assertEquals(await sellerName(restored), "Linen & Co");
    const aside = [...Deno.readDirSync(restored)].find((e) => e.name.startsWith("before-restore-"));
    assert(aside, "the replaced data is kept");
    assertEquals(await sellerName(join(restored, aside.name)), "Changed since");
  }));

Deno.test("scripts/restore refuses what is not a backup, and scripts/backup a folder without data", () =>
  withTempDir("showfloor-backup-", async (tmp) => {
    const junk = join(tmp, "junk.tar.gz");
    await Deno.writeTextFile(junk, "not an archive");
    const restore = await run("restore", junk, "--data-dir", join(tmp, "target"));
    assertEquals(restore.code, 1);
    assert(restore.output.includes("is it a scripts/backup archive?"), restore.output);
    assertEquals([...Deno.readDirSync(join(tmp, "target"))], [], "nothing left behind");

    const backup = await run("backup", "--data-dir", join(tmp, "empty"), "--out", join(tmp, "x.tar.gz"));
    assertEquals(backup.code, 1);
    assert(backup.output.includes("There is no KV file at"), backup.output);
    assert(!(await Deno.stat(join(tmp, "x.tar.gz")).then(() => true, () => false)), "no archive written");
  }));
