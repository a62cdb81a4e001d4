// Browser entry (`/_islands/boot.js`). Bundled in the same code-splitting
// build as the islands, so `preact` here is the very instance the islands use
// (a shared chunk) — hydrate() would silently misbehave with two copies.
//
// Islands whose module says `export const hydrate = "first"` wake at once; the others
// wait until the page has settled: a first island dispatches `sf:settled` on window (the
// player, once the video plays), the person reaches for something, or 3 s pass. Until
// then the main thread is the first islands' alone, what the others render on the server
// (links, forms) already works, and what is typed or sent in them waits (early_input.ts).
import { h, hydrate } from "preact";
import { carryOver, holdEarlySubmits } from "./early_input.ts";

interface IslandData {
  name: string;
  props: Record<string, unknown>;
  first?: true;
}

const SETTLED = ["sf:settled", "pointerdown", "keydown", "focusin"];
const SETTLE_AT_MOST_MS = 3_000;

holdEarlySubmits();
const blob = document.getElementById("sf-islands");
const data: IslandData[] = blob?.textContent ? JSON.parse(blob.textContent) : [];

async function wake(el: HTMLElement, entry: IslandData) {
  try {
    // A non-literal specifier keeps the bundler from inlining the island.
    const src = `/_islands/${entry.name}.js`;
    const mod: { default: never } = await import(src);
    const carried = carryOver(el);
    hydrate(h(mod.default, entry.props), el);
    carried();
  } catch (err) {
    console.error(`island ${entry.name} failed to hydrate`, err);
  }
}

function settled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const type of SETTLED) removeEventListener(type, done, true);
      resolve();
    };
    const timer = setTimeout(done, SETTLE_AT_MOST_MS);
    for (const type of SETTLED) addEventListener(type, done, true);
  });
}

const islands = Array.from(document.querySelectorAll<HTMLElement>("sf-island"), (el) => ({
  el,
  entry: data[Number(el.dataset.index)],
})).filter((i): i is { el: HTMLElement; entry: IslandData } => i.entry?.name === i.el.dataset.island);
const first = islands.filter((i) => i.entry.first);
// Listening from the start: the player may settle while it hydrates.
const later = first.length ? settled() : Promise.resolve();
await Promise.all(first.map((i) => wake(i.el, i.entry)));
await later;
await Promise.all(islands.filter((i) => !i.entry.first).map((i) => wake(i.el, i.entry)));
