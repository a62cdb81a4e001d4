// How much JavaScript each page sends, for `deno task build`: the bundle files its islands
// load (lib/fresh/bundle_graph.ts), raw and compressed as browsers get them.
import { pageScripts } from "./bundle_graph.ts";
import type { BundleFiles } from "./bundle.ts";
import { compress } from "./compress.ts";

export interface PageWeight {
  page: string;
  scripts: number;
  raw: number;
  gzip: number;
  br: number;
}

/** What the page's islands load before they run, summed. */
export function weighPage(page: string, files: BundleFiles, islands: string[]): PageWeight {
  const scripts = pageScripts(files, islands).map((name) => files.get(name)!);
  const sum = (f: (data: Uint8Array) => number) => scripts.reduce((total, data) => total + f(data), 0);
  return {
    page,
    scripts: scripts.length,
    raw: sum((d) => d.length),
    gzip: sum((d) => compress(d, "gzip", true).length),
    br: sum((d) => compress(d, "br", true).length),
  };
}

/** KB as the issue and `bench/page_weight.ts` count them: 1,000 bytes. */
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** A table row of the build's report. */
export function describe(w: PageWeight, budget?: number): string {
  const verdict = budget === undefined ? "" : w.br <= budget ? `≤ ${kb(budget)} ✓` : `OVER ${kb(budget)} ✗`;
  return `${w.page.padEnd(8)} ${String(w.scripts).padStart(3)} files ${kb(w.raw).padStart(10)} raw ${
    kb(w.gzip).padStart(9)
  } gzip ${kb(w.br).padStart(9)} brotli  ${verdict}`;
}
