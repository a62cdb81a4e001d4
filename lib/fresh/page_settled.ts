// How a starter (islands.ts) tells the boot script (client_boot.ts) that the islands it
// holds back may wake now: what the page is first for is done, or will not be soon. One
// module instance in the browser, shared by both, so telling before the boot script
// listens is not lost.
let tell!: () => void;

/** Resolves once a starter said the page has settled. */
export const told = new Promise<void>((resolve) => tell = resolve);

export function pageSettled(): void {
  tell();
}
