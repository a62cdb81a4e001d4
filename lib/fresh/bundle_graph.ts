// What a page's JavaScript is: its boot (boot.js, or the starters of the islands it
// renders, which boot the page), the entries of those islands, every chunk those import
// statically, and what the boot imports by name as it wakes them (what the browser must
// fetch before the islands run). Read off the bundle's own import statements, so it holds
// whatever the bundler splits.
import type { BundleFiles } from "./bundle.ts";

// esbuild-style minified and unminified static imports: `from"./chunk-X.js"`, `import "./x.js"`.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["']\.\/([\w.-]+\.js)["']/g;
// A dynamic import of a file named in the code (`import("./hydrate-X.js")`); an island's
// own (`/_islands/${name}.js`) names no file.
const NAMED_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']\.\/([\w.-]+\.js)["']/g;

/** The files one file imports statically (or, with NAMED_IMPORT, by name at all), by name. */
export function importsOf(files: BundleFiles, name: string, pattern = STATIC_IMPORT): string[] {
  const code = new TextDecoder().decode(files.get(name) ?? new Uint8Array());
  return [...code.matchAll(pattern)].map((m) => m[1]!).filter((f) => files.has(f));
}

/** `entries` and everything they import statically (or by name at all), in load order (each once). */
export function closureOf(files: BundleFiles, entries: string[], pattern = STATIC_IMPORT): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !files.has(name)) return;
    seen.add(name);
    importsOf(files, name, pattern).forEach(visit);
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
  return islands.length ? closureOf(files, entries, NAMED_IMPORT) : [];
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

// V8's explicit compile hint (Chromium 136+; others ignore a comment): every function in
// the file is compiled eagerly while it streams in, off the main thread, instead of one by
// one on the main thread when first called.
const EAGER = "//# allFunctionsCalledOnLoad\n";

/**
 * `files` with the starters' files (what runs before a page's first frame, where most of
 * their functions do run: livekit-client's join) marked for eager compilation; the islands'
 * own files, which wake later and use a part of theirs, stay lazy.
 */
export function withEagerStarters(files: BundleFiles): BundleFiles {
  const starters = [...files.keys()].filter((name) => name.endsWith(".start.js"));
  const eager = new Set(closureOf(files, starters));
  const prefix = new TextEncoder().encode(EAGER);
  const marked = (code: Uint8Array) => {
    const out = new Uint8Array(prefix.length + code.length);
    out.set(prefix);
    out.set(code, prefix.length);
    return out;
  };
  return new Map([...files].map(([name, code]) => [name, eager.has(name) ? marked(code) : code]));
}
