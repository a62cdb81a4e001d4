// Puts a backup archive (scripts/backup.ts) back as the app's data: the KV file at KV_PATH
// and the images under DATA_DIR. Called by scripts/restore, with the app stopped. The
// archive is unpacked beside the data and checked (its layout, plain files only, SQLite's
// integrity check) before anything is replaced; data already there is moved aside, never
// deleted, and only with --force.
import { join } from "node:path";
import * as lib from "./lib/archive.ts";

export interface RestoreResult {
  manifest: lib.Manifest;
  /** Where the data that was there before went, if there was any. */
  movedAside?: string;
}

export async function restore(
  paths: lib.DataPaths,
  archive: string,
  opts: { force?: boolean } = {},
): Promise<RestoreResult> {
  const existing = await present(paths.kvPath);
  if (existing && !opts.force) {
    throw new Error(
      `There is a KV file at ${paths.kvPath} already. Stop the app and pass --force to replace it ` +
        "(what is there now is moved aside, not deleted).",
    );
  }
  await Deno.mkdir(paths.dataDir, { recursive: true });
  const staging = await Deno.makeTempDir({ dir: paths.dataDir, prefix: ".restore-" });
  try {
    await lib.tar(["-xzf", archive, "-C", staging, "--no-same-owner"]).catch(() => {
      throw new Error(
        "The archive could not be unpacked (tar says why above): is it a scripts/backup archive?",
      );
    });
    const manifest = await checkUnpacked(staging);
    let movedAside: string | undefined;
    if (existing || await present(paths.imagesDir)) {
      movedAside = join(paths.dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`);
      await moveAside(paths, movedAside);
    }
    await Deno.rename(join(staging, lib.ARCHIVE_KV), paths.kvPath);
    await Deno.rename(join(staging, lib.ARCHIVE_IMAGES), paths.imagesDir);
    return { manifest, movedAside };
  } finally {
    await Deno.remove(staging, { recursive: true });
  }
}

/** The manifest, once the unpacked archive holds exactly what backup.ts writes and the KV is intact. */
async function checkUnpacked(dir: string): Promise<lib.Manifest> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  const expected = [lib.ARCHIVE_MANIFEST, lib.ARCHIVE_KV, lib.ARCHIVE_IMAGES].sort();
  if (names.sort().join() !== expected.join()) {
    throw new Error(`This is not a Showfloor backup: it holds ${names.join(", ") || "nothing"}`);
  }
  for await (const entry of Deno.readDir(join(dir, lib.ARCHIVE_IMAGES))) {
    if (!entry.isFile) throw new Error(`The backup's images/ holds ${entry.name}, which is not a plain file`);
  }
  if (!(await Deno.lstat(join(dir, lib.ARCHIVE_KV))).isFile) {
    throw new Error("The backup's KV is not a plain file");
  }
  const manifest = JSON.parse(await Deno.readTextFile(join(dir, lib.ARCHIVE_MANIFEST))) as lib.Manifest;
  if (manifest.format !== 1) {
    throw new Error(`The backup has format ${manifest.format}; this version reads 1`);
  }
  lib.checkIntegrity(join(dir, lib.ARCHIVE_KV));
  return manifest;
}

async function moveAside(paths: lib.DataPaths, aside: string): Promise<void> {
  await Deno.mkdir(aside);
  const kvName = paths.kvPath.split("/").at(-1)!;
  for (const suffix of ["", "-wal", "-shm"]) {
    const from = paths.kvPath + suffix;
    if (await present(from)) await Deno.rename(from, join(aside, kvName + suffix));
  }
  if (await present(paths.imagesDir)) await Deno.rename(paths.imagesDir, join(aside, lib.ARCHIVE_IMAGES));
}

async function present(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

if (import.meta.main) {
  const archive = Deno.args.find((arg) => !arg.startsWith("--"));
  if (!archive) {
    lib.say(
      "usage: deno run … scripts/restore.ts ARCHIVE|- [--force]   (KV_PATH and DATA_DIR as the app has them)",
    );
    Deno.exit(2);
  }
  await lib.runScript("Restore failed", async () => {
    const paths = lib.dataPaths();
    const { manifest, movedAside } = await restore(paths, archive, { force: Deno.args.includes("--force") });
    lib.say(
      `Restored the backup of ${manifest.createdAt} (${manifest.images} image(s)) into ${paths.dataDir}.`,
    );
    if (movedAside) lib.say(`What was there before is in ${movedAside}; delete it once all is well.`);
  });
}
