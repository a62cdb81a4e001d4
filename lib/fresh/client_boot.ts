// Browser entry (`/_islands/boot.js`). Bundled in the same code-splitting
// build as the islands, so `preact` here is the very instance the islands use
// (a shared chunk) — hydrate() would silently misbehave with two copies.
import { h, hydrate } from "preact";

interface IslandData {
  name: string;
  props: Record<string, unknown>;
}

const blob = document.getElementById("sf-islands");
const data: IslandData[] = blob?.textContent ? JSON.parse(blob.textContent) : [];
const modules = new Map<string, Promise<{ default: never }>>();

function load(name: string) {
  let mod = modules.get(name);
  if (!mod) {
    // A non-literal specifier keeps the bundler from inlining the island.
    const src = `/_islands/${name}.js`;
    mod = import(src);
    modules.set(name, mod);
  }
  return mod;
}

await Promise.all(
  Array.from(
    document.querySelectorAll<HTMLElement>("sf-island"),
    async (el) => {
      const entry = data[Number(el.dataset.index)];
      if (!entry || entry.name !== el.dataset.island) return;
      try {
        const mod = await load(entry.name);
        hydrate(h(mod.default, entry.props), el);
      } catch (err) {
        console.error(`island ${entry.name} failed to hydrate`, err);
      }
    },
  ),
);
