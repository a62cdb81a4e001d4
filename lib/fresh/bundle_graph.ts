// What a page's JavaScript is: its boot (boot.js, or the starters of the islands it
// renders, which boot the page), the entries of those islands, and every chunk those
// import statically (what the browser must fetch before the islands run).
// Read off the bundle's own import statements, so it holds whatever the bundler splits.
import type { BundleFiles } from "./bundle.ts";

// esbuild-style minified and unminified static imports: `from"./chunk-X.js"`, `import "./x.js"`.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["']\.\/([\w.-]+\.js)["']/g;

/** The files one file imports statically, by name. */
export function importsOf(files: BundleFiles, name: string): string[] {
  const code = new TextDecoder().decode(files.get(name) ?? new Uint8Array());
  return [...code.matchAll(STATIC_IMPORT)].map((m) => m[1]!).filter((f) => files.has(f));
}

/** `entries` and everything they import statically, in load order (each once). */
export function closureOf(files: BundleFiles, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !files.has(name)) return;
    seen.add(name);
    importsOf(files, name).forEach(visit);
  };
  entries.forEach(visit);
  return [...seen];
}

/** The starters' entries of these islands (those that have one). */
function startersOf(files: BundleFiles, islands: string[]): string[] {
  return islands.map((name) => `${name}.start.js`).filter((file) => files.has(file));
}

/** The entries that boot a page with these islands: their starters, or else boot.js. */
function bootsOf(files: BundleFiles, islands: string[]): string[] {
  const starters = startersOf(files, islands);
  return starters.length ? starters : ["boot.js"];
}

/** The files a page with these islands loads: its boot, the island entries, their chunks (none without islands). */
export function pageScripts(files: BundleFiles, islands: string[]): string[] {
  const entries = [...bootsOf(files, islands), ...islands.map((name) => `${name}.js`)];
  return islands.length ? closureOf(files, entries) : [];
}

/**
 * The files such a page runs before its islands wake, to preload: with starters, theirs
 * (the islands load once the page has settled); else all of them. Largest first: over
 * HTTP/1.1 the browser opens at most six connections to a host, so the longest download
 * starts at once and a small file waits for a free connection.
 */
export function firstScripts(files: BundleFiles, islands: string[]): string[] {
  const starters = startersOf(files, islands);
  const first = starters.length ? closureOf(files, starters) : pageScripts(files, islands);
  return first.sort((a, b) => files.get(b)!.length - files.get(a)!.length);
}
