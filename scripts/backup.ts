// Writes one archive of everything the app keeps: a consistent snapshot of the KV file and
// the product images, safe while the app runs. Called by scripts/backup (natively, or inside
// the app's container); `--out -` writes the archive to stdout.
//
// The snapshot is SQLite's online backup, every page in one step, so in one read transaction
// beside the app's own connection (Deno KV is SQLite in WAL mode): it holds every committed
// write up to one instant and nothing half-done. Images are written before the record that names them and
// removed after it, and are hard-linked before and after the snapshot, so every image the
// snapshot names is in the archive unless it was deleted in the instant in between.
import { backup as sqliteBackup, DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import * as lib from "./lib/archive.ts";

export async function backup(paths: lib.DataPaths, out: string): Promise<lib.Manifest> {
  await Deno.stat(paths.kvPath).catch(() => {
    throw new Error(`There is no KV file at ${paths.kvPath} to back up (is KV_PATH right?)`);
  });
  // Inside the data folder, so images can be hard-linked (same file system), never copied.
  const staging = await Deno.makeTempDir({ dir: paths.dataDir, prefix: ".backup-" });
  try {
    const images = join(staging, lib.ARCHIVE_IMAGES);
    await Deno.mkdir(images);
    await linkImages(paths.imagesDir, images);
    const createdAt = new Date().toISOString();
    await snapshotKv(paths.kvPath, join(staging, lib.ARCHIVE_KV));
    await linkImages(paths.imagesDir, images);
    const manifest: lib.Manifest = { format: 1, createdAt, images: await count(images) };
    await Deno.writeTextFile(join(staging, lib.ARCHIVE_MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
    await lib.tar(["-czf", out, "-C", staging, lib.ARCHIVE_MANIFEST, lib.ARCHIVE_KV, lib.ARCHIVE_IMAGES]);
    return manifest;
  } finally {
    await Deno.remove(staging, { recursive: true });
  }
}

async function snapshotKv(kvPath: string, to: string): Promise<void> {
  const db = new DatabaseSync(kvPath);
  try {
    // The app may be mid-commit: wait for it rather than fail.
    db.exec("PRAGMA busy_timeout = 10000");
    // Every page in one step (rate -1), so in one read transaction: one instant's state.
    await sqliteBackup(db, to, { rate: -1 });
  } finally {
    db.close();
  }
  lib.checkIntegrity(to);
}

/** Hard-links every finished image not linked yet (names with a leading dot are half-written). */
async function linkImages(from: string, to: string): Promise<void> {
  try {
    for await (const entry of Deno.readDir(from)) {
      if (!entry.isFile || entry.name.startsWith(".")) continue;
      await Deno.link(join(from, entry.name), join(to, entry.name)).catch((error) => {
        if (!(error instanceof Deno.errors.AlreadyExists || error instanceof Deno.errors.NotFound)) {
          throw error;
        }
      });
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error; // no images yet
  }
}

async function count(dir: string): Promise<number> {
  let n = 0;
  for await (const _ of Deno.readDir(dir)) n++;
  return n;
}

if (import.meta.main) {
  const out = Deno.args[Deno.args.indexOf("--out") + 1];
  if (!Deno.args.includes("--out") || !out) {
    lib.say("usage: deno run … scripts/backup.ts --out FILE|-   (KV_PATH and DATA_DIR as the app has them)");
    Deno.exit(2);
  }
  await lib.runScript("Backup failed", async () => {
    const paths = lib.dataPaths();
    const manifest = await backup(paths, out);
    lib.say(`Backed up ${paths.kvPath} and ${manifest.images} image(s) as of ${manifest.createdAt}.`);
  });
}
