// Files under static/, served by their path. The list is read once at start, so a request
// for anything else (every page and API call) never touches the disk: no probing, and no
// "file name too long" from a hostile 5,000-character path.
import { serveStatic } from "hono/deno";
import type { MiddlewareHandler } from "hono";
import { fileURLToPath } from "node:url";

async function listFiles(dir: URL, prefix = "/"): Promise<string[]> {
  const found: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isDirectory) {
        found.push(...await listFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`));
      } else if (entry.isFile) found.push(`${prefix}${entry.name}`);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return found;
}

/** Serves the files that were in `dir` at start; passes every other request on. */
export async function staticFiles(dir: URL): Promise<MiddlewareHandler> {
  const files = new Set(await listFiles(dir));
  const serve = serveStatic({ root: fileURLToPath(dir) });
  return (c, next) => files.has(c.req.path) ? serve(c, next) : next();
}
