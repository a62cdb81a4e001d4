// Island discovery: every file directly in `islands/` is one island, named by
// its basename (`islands/WatchPlayer.tsx` → "WatchPlayer"). The name doubles
// as the bundle entry (`/_islands/WatchPlayer.js`), so it must be URL-safe.
// An island may have a starter beside it (`islands/WatchPlayer.start.ts`): a plain
// module whose `start(props, el)` the page runs before any island wakes (client_boot.ts).
import type { ComponentType } from "preact";

export interface IslandFile {
  name: string;
  url: URL;
  /** The island's starter module, if it has one (bundled as `/_islands/<name>.start.js`). */
  starter?: URL;
}

export interface Island extends IslandFile {
  // deno-lint-ignore no-explicit-any
  component: ComponentType<any>;
}

const ISLAND_FILE = /^([A-Za-z0-9_]+)\.(tsx?|jsx?)$/;
const STARTER_FILE = /^([A-Za-z0-9_]+)\.start\.ts$/;

/** Lists island files without importing them (enough for bundling), each with its starter. */
export async function findIslandFiles(dir: URL): Promise<IslandFile[]> {
  const found: IslandFile[] = [];
  const starters: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isFile && STARTER_FILE.test(e.name)) starters.push(e.name);
      const m = e.name.match(ISLAND_FILE);
      if (!e.isFile || !m || m[1]!.endsWith("_test")) continue;
      if (m[1] === "boot") throw new Error(`island name "boot" is reserved`);
      if (found.some((f) => f.name === m[1])) {
        throw new Error(`duplicate island name "${m[1]}" in ${dir.pathname}`);
      }
      found.push({ name: m[1]!, url: new URL(e.name, dir) });
    }
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return [];
    throw err;
  }
  for (const file of starters) {
    const name = file.match(STARTER_FILE)![1];
    const island = found.find((f) => f.name === name);
    if (!island) throw new Error(`starter ${file} has no island ${name} beside it`);
    island.starter = new URL(file, dir);
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Imports each island; the default export must be a component. */
export async function loadIslands(dir: URL): Promise<Island[]> {
  const files = await findIslandFiles(dir);
  return await Promise.all(files.map(async (f) => {
    const mod = await import(f.url.href);
    if (typeof mod.default !== "function") {
      throw new TypeError(`island ${f.name} has no default component export`);
    }
    return { ...f, component: mod.default };
  }));
}
