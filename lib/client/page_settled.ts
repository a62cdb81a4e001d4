// Tells the page's boot script (lib/fresh/client_boot.ts) that the islands it holds back
// may wake now: what the page is first for (the video playing) is done, or will not be soon.
let told = false;

export function pageSettled(): void {
  if (told) return;
  told = true;
  dispatchEvent(new Event("sf:settled"));
}
