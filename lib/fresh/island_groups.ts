// Which islands are bundled together. Every page loads the bundle of all islands, except
// a page whose route names a bundle of its own (RouteConfig.bundle): its islands are
// bundled alone, so the chunks it loads carry no other page's code, and what other pages
// add costs it nothing.
import type { IslandFile } from "./islands.ts";
import type { Route } from "./routes.ts";

/** The bundles' names: "" (all islands) and each one a route names. */
export const bundleNames = (routes: readonly Route[]): string[] => [
  "",
  ...new Set(routes.flatMap((r) => r.module.config?.bundle ?? [])),
];

/** The islands of bundle `name`: all of them for "", else those the routes that name it render. */
export async function islandsOf(
  name: string,
  routes: readonly Route[],
  islands: readonly IslandFile[],
): Promise<IslandFile[]> {
  if (!name) return [...islands];
  const used = new Set<string>();
  for (const route of routes.filter((r) => r.module.config?.bundle === name)) {
    for (const island of await islandsOfRoute(route.file)) used.add(island);
  }
  return islands.filter((i) => used.has(i.name));
}

/** The folder of a bundle, under `/_islands/` and `_fresh/islands/`: "" for all islands, else `<name>/`. */
export const groupFolder = (name: string) => name ? `${name}/` : "";

// Read once per process for each route: tests start many apps, and the graph changes
// only with the code (which restarts `deno task dev`).
const graphs = new Map<string, Promise<string[]>>();

/** The islands (by name) that `route`'s module graph reaches. */
export function islandsOfRoute(route: URL): Promise<string[]> {
  let islands = graphs.get(route.href);
  if (!islands) {
    islands = readIslandsOf(route);
    graphs.set(route.href, islands);
    islands.catch(() => graphs.delete(route.href));
  }
  return islands;
}

async function readIslandsOf(route: URL): Promise<string[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", route.href],
    stdout: "piped",
  })
    .output();
  if (!out.success) throw new Error(`deno info failed for ${route.href}`);
  const graph = JSON.parse(new TextDecoder().decode(out.stdout)) as { modules: { specifier: string }[] };
  return graph.modules.map((m) => m.specifier.match(/\/islands\/(\w+)\.tsx?$/)?.[1]).filter((n) =>
    n !== undefined
  );
}
