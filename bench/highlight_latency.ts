// Highlight latency: the seller (from Deno) highlights a pinned product; 10 viewers have
// the watch page open, and each notes when the new highlight card is on screen (the
// animation frame after it enters the DOM). Prints p50/p95 from the start of the
// highlight request to the card showing on a viewer, and to it showing on all 10, against
// a baseline from the same run: the highlight request's own round trip (store in KV,
// send to the room, answer).
//   deno run -A --unstable-bundle bench/highlight_latency.ts [highlights]
import type { Page } from "playwright-core";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { startStack } from "@/tests/e2e/harness/stack.ts";
import { percentile, signUpSeller } from "./bench_kit.ts";

const HIGHLIGHTS = Number(Deno.args[0] ?? 40);
const VIEWERS = 10;

interface BenchWindow {
  /** Each highlight card that appeared: its product and when it was on screen (ms since the epoch). */
  shown: { id: string; at: number }[];
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records every highlight card that appears, at the first frame it can be painted in. */
function watchHighlights() {
  const w = globalThis as unknown as BenchWindow;
  w.shown = [];
  let last: string | null = null;
  new MutationObserver(() => {
    const id = document.querySelector(".highlight-card")?.getAttribute("data-product-id") ?? null;
    if (id === last) return;
    last = id;
    if (id) requestAnimationFrame(() => w.shown.push({ id, at: performance.timeOrigin + performance.now() }));
  }).observe(document.body, { childList: true, subtree: true, attributes: true });
}

/** When each viewer showed `id` after `since`, waiting up to 10 s; null for a viewer that never did. */
async function shownAt(viewers: Page[], id: string, since: number): Promise<(number | null)[]> {
  const deadline = now() + 10_000;
  for (;;) {
    const seen = await Promise.all(viewers.map((v) =>
      v.evaluate(
        ([id, since]) =>
          (globalThis as unknown as BenchWindow).shown.find((s) => s.id === id && s.at >= (since as number))
            ?.at ??
            null,
        [id, since] as const,
      )
    ));
    if (seen.every((t) => t !== null) || now() > deadline) return seen;
    await sleep(50);
  }
}

const stack = await startStack();
const browser = await launchBrowser();
try {
  const seller = await signUpSeller(stack.appUrl);
  const { stream } = await seller.call<{ stream: { id: string } }>("POST", "/api/streams", {
    title: "Highlight latency bench",
  });
  const products: string[] = [];
  for (const name of ["Linen shirt", "Silk scarf"]) {
    const { product } = await seller.call<{ product: { id: string } }>("POST", "/api/products", {
      name,
      priceMinor: 4900,
      currency: "EUR",
      stock: 100,
    });
    products.push(product.id);
  }
  await seller.call("PUT", `/api/streams/${stream.id}/pins`, { productIds: products });

  // Ten viewers, each with its own guest identity, waiting in the room (no video needed).
  const viewers = await Promise.all(Array.from({ length: VIEWERS }, async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${stack.appUrl}/watch/${stream.id}`);
    await page.waitForSelector(".player[data-phase=waiting]", { timeout: 30_000 });
    await page.waitForSelector(".product-tray[data-ready=true]");
    await page.evaluate(watchHighlights);
    return page;
  }));

  const roundTrips: number[] = [];
  const toEach: number[] = [];
  const toAll: number[] = [];
  let missed = 0;
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const id = products[i % 2]!;
    const start = now();
    await seller.call("PUT", `/api/streams/${stream.id}/highlight`, { productId: id });
    roundTrips.push(now() - start);
    const seen = await shownAt(viewers, id, start);
    missed += seen.filter((t) => t === null).length;
    const latencies = seen.filter((t) => t !== null).map((t) => t - start);
    toEach.push(...latencies);
    if (latencies.length === VIEWERS) toAll.push(Math.max(...latencies));
    await sleep(100);
  }

  const row = (name: string, values: number[], base: number[]) => {
    const [s, b] = [values.toSorted((x, y) => x - y), base.toSorted((x, y) => x - y)];
    const [p50, p95] = [percentile(s, 50), percentile(s, 95)];
    const ratio = (v: number, p: number) => (v / percentile(b, p)).toFixed(2);
    return `${name.padEnd(36)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}   ${
      ratio(p50, 50)
    }× / ${ratio(p95, 95)}×`;
  };
  console.log(`\n${HIGHLIGHTS} highlights, ${VIEWERS} viewers (ms)        p50      p95   vs baseline`);
  console.log(row("baseline: PUT highlight round trip", roundTrips, roundTrips));
  console.log(row("request → card on a viewer", toEach, roundTrips));
  console.log(row("request → card on all 10 viewers", toAll, roundTrips));
  console.log(`cards never shown: ${missed} of ${HIGHLIGHTS * VIEWERS}`);
} finally {
  await browser.close();
  await stack.stop();
}
