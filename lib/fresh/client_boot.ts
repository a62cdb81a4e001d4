// The page's boot: what `/_islands/boot.js` runs, and on a page whose islands have
// starters (islands.ts) what each starter's entry runs, in place of boot.js (one request
// fewer before the first frame). Bundled in the same code-splitting build as
// the islands, so `preact` here is the very instance the islands use (a shared chunk):
// hydrate() would silently misbehave with two copies.
//
// With starters, no island wakes until the page has settled: a starter says so
// (page_settled.ts; the watch page's, once the video plays), the person reaches for
// something, or 3 s pass. Then the starters' islands wake, then the others. Until then the
// main thread is the starters' alone (preact is not even loaded), what the islands render
// on the server (links, forms) already works, and what is typed, sent or pressed in them
// waits (early_input.ts). Without starters, every island wakes at once.
import { rememberZone } from "@/lib/contract/zone.ts";
import { carryOver, holdEarlyInput } from "./early_input.ts";
import { type IslandData, type PageIsland, pageIslands } from "./island_data.ts";
import { told } from "./page_settled.ts";

const REACHES = ["pointerdown", "keydown", "focusin"];
const SETTLE_AT_MOST_MS = 3_000;

async function wake(el: HTMLElement, entry: IslandData) {
  try {
    // Beside this file, in the page's bundle; a non-literal specifier keeps the bundler
    // from inlining the island.
    const src = new URL(`./${entry.name}.js`, import.meta.url).href;
    const [{ h, hydrate }, mod] = await Promise.all([
      import("./hydrate.ts"),
      import(src) as Promise<{ default: never }>,
    ]);
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
      for (const type of REACHES) removeEventListener(type, done, true);
      resolve();
    };
    const timer = setTimeout(done, SETTLE_AT_MOST_MS);
    for (const type of REACHES) addEventListener(type, done, true);
    void told.then(done);
  });
}

const wakeAll = (islands: PageIsland[]) => Promise.all(islands.map((i) => wake(i.el, i.entry)));

let booted = false;

/** Wakes the page's islands (once per page, however many starters call it). */
export async function boot(): Promise<void> {
  if (booted) return;
  booted = true;
  holdEarlyInput();
  const islands = pageIslands();
  const started = islands.filter((i) => i.entry.start);
  if (started.length) await settled();
  await wakeAll(started);
  await wakeAll(islands.filter((i) => !i.entry.start));
  // The app's one word at boot: the next page the server writes shows this zone's times.
  // Last: Intl's first use in a page takes 20-60 ms of main thread, which the first frame
  // (whose callback settles the page) and the islands need more.
  rememberZone();
}
