// What a page's JavaScript is: boot.js, the entries of the islands it renders, and every
// chunk those import statically (what the browser must fetch before the islands run).
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

/** The files a page with these islands loads: boot.js, the island entries, their chunks (none without islands). */
export function pageScripts(files: BundleFiles, islands: string[]): string[] {
  return islands.length ? closureOf(files, ["boot.js", ...islands.map((name) => `${name}.js`)]) : [];
}
