// Which islands are bundled together. Every page loads the bundle of all islands, except
// a page whose route names a bundle of its own (RouteConfig.bundle): its islands are
// bundled alone, so the chunks it loads carry no other page's code, and what other pages
// add costs it nothing.
import type { IslandFile } from "./islands.ts";
import type { Route } from "./routes.ts";

/** A bundle's name ("" for all islands) → its islands. */
export type IslandGroups = Map<string, IslandFile[]>;

export async function islandGroups(
  routes: readonly Route[],
  islands: readonly IslandFile[],
): Promise<IslandGroups> {
  const groups: IslandGroups = new Map([["", [...islands]]]);
  for (const route of routes) {
    const name = route.module.config?.bundle;
    if (!name) continue;
    const used = new Set(await islandsOfRoute(route.file));
    groups.set(name, islands.filter((i) => used.has(i.name)));
  }
  return groups;
}

/** The folder of a bundle, under `/_islands/` and `_fresh/islands/`: "" for all islands, else `<name>/`. */
export const groupFolder = (name: string) => name ? `${name}/` : "";

/** The islands (by name) that `route`'s module graph reaches. */
export async function islandsOfRoute(route: URL): Promise<string[]> {
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
