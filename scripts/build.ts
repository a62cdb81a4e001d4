// `deno task build`: bundles the islands once, minified, into _fresh/islands/ for `start`.
import { buildIslands } from "@/lib/fresh/mod.ts";

const files = await buildIslands(new URL("../", import.meta.url));
console.log(`Built ${files.length} island files into _fresh/islands/`);
