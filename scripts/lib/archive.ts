// What scripts/backup.ts and scripts/restore.ts share: where the app keeps its data (from the
// same KV_PATH and DATA_DIR the app reads), the archive's fixed layout (showfloor.kv, images/,
// backup.json), tar, and SQLite's integrity check of a KV file.
import { DatabaseSync } from "node:sqlite";
import { join, resolve } from "node:path";

export const ARCHIVE_KV = "showfloor.kv";
export const ARCHIVE_IMAGES = "images";
export const ARCHIVE_MANIFEST = "backup.json";

export interface Manifest {
  format: 1;
  createdAt: string;
  images: number;
}

export interface DataPaths {
  dataDir: string;
  kvPath: string;
  imagesDir: string;
}

/** The data folder and KV file from the environment; refuses a KV that is not a local file. */
export function dataPaths(): DataPaths {
  const dataDir = resolve(Deno.env.get("DATA_DIR") ?? "data");
  const kvPath = Deno.env.get("KV_PATH") ?? join(dataDir, ARCHIVE_KV);
  if (kvPath === ":memory:" || /^https?:\/\//.test(kvPath)) {
    throw new TypeError(`KV_PATH is ${kvPath}, not a file here: back up the KV server it names instead`);
  }
  return { dataDir, kvPath: resolve(kvPath), imagesDir: join(dataDir, ARCHIVE_IMAGES) };
}

/** Runs tar with `args`; its stdin and stdout are this process's (for archives piped through). */
export async function tar(args: string[]): Promise<void> {
  const status = await new Deno.Command("tar", { args, stdin: "inherit", stdout: "inherit" }).spawn().status;
  if (!status.success) throw new Error(`tar ${args.join(" ")} failed (exit code ${status.code})`);
}

/** Throws unless SQLite finds the KV file at `path` intact (it opens it read-only). */
export function checkIntegrity(path: string): void {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const row = db.prepare("PRAGMA integrity_check").get() as Record<string, unknown> | undefined;
    const verdict = row ? Object.values(row)[0] : "no answer";
    if (verdict !== "ok") throw new Error(`${path} failed SQLite's integrity check: ${verdict}`);
  } finally {
    db.close();
  }
}

/** Prints progress on stderr: stdout may be carrying the archive. */
export const say = (line: string) => console.error(line);

/** Runs a script's work, reporting a failure as one plain line and exit code 1. */
export async function runScript(failure: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    say(`${failure}: ${error instanceof Error ? error.message : error}`);
    Deno.exit(1);
  }
}
