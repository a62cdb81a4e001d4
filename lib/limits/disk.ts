// Room on the disk: a replay part or a product image is written only while the data
// folder's disk keeps MIN_FREE_DISK_MB free after it. Each seller has a quota, but
// strangers can make many sellers: this keeps all of them together from filling the disk
// the app, and its KV file, live on.
import { statfs } from "node:fs/promises";
import { dirname } from "node:path";
import { DomainError } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";

/** Refuses (503, try later) when writing `bytes` would leave less free than configured. */
export async function requireDiskRoom({ config }: Services, bytes: number): Promise<void> {
  if (await freeBytes(config.dataDir) - bytes >= config.minFreeDiskBytes) return;
  throw new DomainError(
    "unavailable",
    "disk_full",
    "The server is short of disk space, so uploads are paused. Try again later.",
    60_000,
  );
}

/** Bytes free to this process on the disk that holds `path` (or would, before it is made). */
async function freeBytes(path: string): Promise<number> {
  try {
    const { bavail, bsize } = await statfs(path);
    return bavail * bsize;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound) && (error as { code?: string }).code !== "ENOENT") {
      throw error;
    }
    if (dirname(path) === path) throw error;
    return await freeBytes(dirname(path));
  }
}
