// Files under static/, served by their path from memory (compressed once, at start). The
// list is read once, so a request for anything else (every page and API call) never
// touches the disk: no probing, and no "file name too long" from a hostile long path.
import type { MiddlewareHandler } from "hono";
import { type Asset, compressedAsset, serveAsset, typeOf } from "./assets.ts";

async function loadFiles(dir: URL, prefix = "/", found = new Map<string, Asset>()) {
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isDirectory) {
        await loadFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`, found);
      } else if (entry.isFile) {
        found.set(
          `${prefix}${entry.name}`,
          await compressedAsset(typeOf(entry.name), await Deno.readFile(new URL(entry.name, dir))),
        );
      }
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return found;
}

/** Serves the files that were in `dir` at start (revalidated by ETag); passes every other request on. */
export async function staticFiles(dir: URL): Promise<MiddlewareHandler> {
  const files = await loadFiles(dir);
  return (c, next) => {
    const file = c.req.method === "GET" || c.req.method === "HEAD" ? files.get(c.req.path) : undefined;
    return file ? Promise.resolve(serveAsset(c.req.raw, file, "no-cache")) : next();
  };
}
