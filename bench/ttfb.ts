// Time to first byte under load: 100 concurrent clients, each with its own keep-alive
// connection and guest cookie (as a browser keeps them), fetch the watch page of a live
// stream with pinned products and chat, as fast as they are answered. The baseline, in
// the same run and alternating with it, is the app's stylesheet (a static file from the
// same server) under the same load. The app runs in production mode behind a trusted
// proxy, as deployed (docker-compose.yml): each client comes from its own address, as 100
// viewers do, so limits count each one's requests (scaled out of the way all the same).
//   deno run -A --unstable-bundle bench/ttfb.ts [clients, default 100] [seconds a round, default 5]
import { percentile, printTable, signUpSeller, startProductionStack } from "./bench_kit.ts";

const CLIENTS = Number(Deno.args[0] ?? 100);
const SECONDS = Number(Deno.args[1] ?? 5);
const ROUNDS = 2;
const WARMUP_S = 2;

interface Load {
  ttfb: number[];
  answered: number;
  seconds: number;
  statuses: Map<number, number>;
  bytes: number;
}

/** Every client fetches `url` back to back for `seconds`: the time to each response's headers. */
async function load(url: string, clients: Headers[], seconds: number): Promise<Load> {
  const result: Load = { ttfb: [], answered: 0, seconds: 0, statuses: new Map(), bytes: 0 };
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(clients.map(async (headers) => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      result.ttfb.push(performance.now() - t0);
      result.bytes = (await res.arrayBuffer()).byteLength;
      result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
      result.answered++;
    }
  }));
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

function merge(loads: Load[]): Load {
  const statuses = new Map<number, number>();
  for (const l of loads) for (const [s, n] of l.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
  return {
    ttfb: loads.flatMap((l) => l.ttfb).sort((a, b) => a - b),
    answered: loads.reduce((a, l) => a + l.answered, 0),
    seconds: loads.reduce((a, l) => a + l.seconds, 0),
    statuses,
    bytes: loads.at(-1)!.bytes,
  };
}

/** A live stream worth rendering: three pinned products, one highlighted, and some chat. */
async function liveStream(appUrl: string): Promise<string> {
  const seller = await signUpSeller(appUrl);
  const { stream } = await seller.call<{ stream: { id: string } }>("POST", "/api/streams", {
    title: "TTFB bench",
  });
  const products: string[] = [];
  for (const name of ["Linen shirt", "Silk scarf", "Straw hat"]) {
    const { product } = await seller.call<{ product: { id: string } }>("POST", "/api/products", {
      name,
      description: `A ${name.toLowerCase()}, made to last.`,
      priceMinor: 4900,
      currency: "EUR",
      stock: 100,
    });
    products.push(product.id);
  }
  await seller.call("POST", `/api/streams/${stream.id}/live`);
  await seller.call("PUT", `/api/streams/${stream.id}/pins`, { productIds: products });
  await seller.call("PUT", `/api/streams/${stream.id}/highlight`, { productId: products[0] });
  for (let i = 0; i < 20; i++) {
    await seller.call("POST", `/api/streams/${stream.id}/chat`, { text: `Welcome, everyone! (${i})` });
  }
  return `${appUrl}/watch/${stream.id}`;
}

/** Each client's address (as the proxy tells it) and guest cookie: the first visit makes them a guest. */
async function guests(watchUrl: string): Promise<Headers[]> {
  return await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => {
    const headers = new Headers({ "x-forwarded-for": `10.0.${i >> 8}.${i & 255}` });
    const res = await fetch(watchUrl, { headers });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`GET ${watchUrl}: ${res.status}`);
    headers.set("cookie", res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "));
    return headers;
  }));
}

const stack = await startProductionStack({ TRUSTED_PROXIES: "127.0.0.1,::1" });
try {
  const watchUrl = await liveStream(stack.appUrl);
  const html = await (await fetch(watchUrl)).text();
  const stylesheet = html.match(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/)?.[1] ??
    html.match(/<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"/)?.[1];
  if (!stylesheet) throw new Error("the watch page links no stylesheet to use as the static file");
  const staticUrl = new URL(stylesheet, stack.appUrl).href;
  const clients = await guests(watchUrl);

  const runs = { static: [] as Load[], watch: [] as Load[] };
  for (const url of [staticUrl, watchUrl]) await load(url, clients, WARMUP_S);
  for (let round = 0; round < ROUNDS; round++) {
    runs.static.push(await load(staticUrl, clients, SECONDS));
    runs.watch.push(await load(watchUrl, clients, SECONDS));
  }
  const [still, watch] = [merge(runs.static), merge(runs.watch)];
  const row = (name: string, l: Load) => [
    name,
    l.bytes,
    l.answered,
    [...l.statuses].map(([s, n]) => `${n}×${s}`).join(", "),
    percentile(l.ttfb, 50).toFixed(1),
    percentile(l.ttfb, 95).toFixed(1),
    (l.answered / l.seconds).toFixed(0),
  ];
  printTable(
    `TTFB with ${CLIENTS} concurrent keep-alive clients, production mode, ${ROUNDS}×${SECONDS} s each ` +
      `(alternating, after ${WARMUP_S} s warm-up)`,
    ["what", "bytes (decoded)", "responses", "statuses", "TTFB p50 ms", "TTFB p95 ms", "responses/s"],
    [row(`static file ${new URL(staticUrl).pathname} (baseline)`, still), row("watch page", watch)],
  );
  console.log(
    `\nwatch / static: TTFB p50 ${(percentile(watch.ttfb, 50) / percentile(still.ttfb, 50)).toFixed(1)}×, ` +
      `p95 ${(percentile(watch.ttfb, 95) / percentile(still.ttfb, 95)).toFixed(1)}×; ` +
      `throughput ${((watch.answered / watch.seconds) / (still.answered / still.seconds)).toFixed(2)}×`,
  );
  if ([still, watch].some((l) => [...l.statuses.keys()].some((s) => s !== 200))) {
    console.log("Some responses were not 200: see statuses.");
    Deno.exitCode = 1;
  }
} finally {
  await stack.stop();
}
