// `deno task build`: bundles the islands once, minified, into _fresh/islands/ (each file
// beside its brotli and gzip forms) for `start`, then weighs each page's JavaScript and
// fails when the watch page is over its budget (what a viewer on a phone waits for).
import { islandsOfRoute } from "@/lib/fresh/island_groups.ts";
import { buildIslands, type RouteModule } from "@/lib/fresh/mod.ts";
import { describe, weighPage } from "@/lib/fresh/page_weight.ts";

const root = new URL("../", import.meta.url);
const PAGES: { page: string; route: string; budget?: number }[] = [
  { page: "home", route: "routes/index.tsx" },
  { page: "watch", route: "routes/watch/[id].tsx", budget: 160_000 },
  { page: "studio", route: "routes/studio/[id].tsx" },
];

const bundles = await buildIslands(root);
for (const [name, files] of bundles) {
  console.log(
    `Built ${files.size} island files into _fresh/islands/${name ? `${name}/ (the ${name} page's own)` : ""}`,
  );
}
console.log("\nJavaScript each page loads before its islands run (compressed as browsers get it):");
let over = false;
for (const { page, route, budget } of PAGES) {
  const url = new URL(route, root);
  const { config } = await import(url.href) as RouteModule;
  const files = bundles.get(config?.bundle ?? "")!;
  const weight = weighPage(page, files, await islandsOfRoute(url));
  console.log(`  ${describe(weight, budget)}`);
  over ||= budget !== undefined && weight.br > budget;
}
if (over) {
  console.error("\nThe watch page is over its JavaScript budget: see what it loads above.");
  Deno.exit(1);
}
