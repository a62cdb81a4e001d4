// The page's islands as the server rendered them: each `<sf-island>` element with the name
// and props recorded for it in the page's JSON blob (render.tsx). Read once, by the boot
// script and the starters alike (one module instance in the browser).

export interface IslandData {
  name: string;
  props: Record<string, unknown>;
  /** The island has a starter (islands.ts): the page waits for it before waking islands. */
  start?: true;
}

export interface PageIsland {
  el: HTMLElement;
  entry: IslandData;
}

let found: PageIsland[] | null = null;

export function pageIslands(): PageIsland[] {
  if (found) return found;
  const blob = document.getElementById("sf-islands");
  const data: IslandData[] = blob?.textContent ? JSON.parse(blob.textContent) : [];
  found = Array.from(document.querySelectorAll<HTMLElement>("sf-island"), (el) => ({
    el,
    entry: data[Number(el.dataset.index)],
  })).filter((i): i is PageIsland => i.entry?.name === i.el.dataset.island);
  return found;
}
