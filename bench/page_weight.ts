// Page weight: the JavaScript a browser really downloads for the watch page (of a live
// stream, until it plays and the network is quiet), the studio and the home page, read
// from Chromium's network events: bytes on the wire (as served, compressed or not) and
// decoded, the scripts fetched, and the longest chain of them (HTML → script → import…).
// The app runs in production mode (its bundles minified and precompressed as
// `deno task start` serves them). The watch page is held to the 160 KB budget (compressed, issue 11). The baseline,
// built in the same run, is what a bare page that plays LiveKit needs: livekit-client
// alone, bundled and minified, gzip and brotli sizes.
//   deno run -A --unstable-bundle bench/page_weight.ts
import { brotliCompressSync } from "node:zlib";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";
import { createStreamAsSeller, goLive } from "@/tests/e2e/live_flow.ts";
import { printTable, startProductionStack } from "./bench_kit.ts";
import { minifiedBundle } from "./minified_bundle.ts";

const BUDGET_KB = 160;
const QUIET_MS = 1500;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

interface Script {
  url: string;
  /** The body as it crossed the network (compressed when served so), and decoded. */
  wire: number;
  decoded: number;
  encoding: string;
  /** Scripts between the HTML and this one, itself included (1: the HTML asked for it). */
  depth: number;
}

/**
 * Opens `url` in a fresh context (no cache) and records every JavaScript response until
 * `ready` holds and no request has started for QUIET_MS.
 */
async function scriptsOf(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<unknown>,
  options: BrowserContextOptions = {},
): Promise<Script[]> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const parents = new Map<string, string>(); // url → the url that asked for it
  const decoded = new Map<string, number>(); // requestId → decoded bytes
  const responses = new Map<string, { url: string; encoding: string; js: boolean }>();
  const finished: { requestId: string; wire: number }[] = [];
  let lastRequest = performance.now();
  cdp.on("Network.requestWillBeSent", ({ request, initiator }) => {
    lastRequest = performance.now();
    const from = initiator.url ?? initiator.stack?.callFrames[0]?.url;
    if (from && !parents.has(request.url)) parents.set(request.url, from);
  });
  cdp.on("Network.responseReceived", ({ requestId, response }) => {
    const encoding = Object.entries(response.headers).find(([k]) => k.toLowerCase() === "content-encoding");
    responses.set(requestId, {
      url: response.url,
      encoding: String(encoding?.[1] ?? "none"),
      js: /javascript/.test(response.mimeType),
    });
  });
  cdp.on("Network.dataReceived", ({ requestId, dataLength }) => {
    decoded.set(requestId, (decoded.get(requestId) ?? 0) + dataLength);
  });
  // encodedDataLength counts the response's headers too; responseReceivedExtraInfo gives their size.
  const headerBytes = new Map<string, number>();
  cdp.on("Network.responseReceivedExtraInfo", ({ requestId, headersText, headers }) => {
    headerBytes.set(
      requestId,
      headersText?.length ??
        Object.entries(headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0),
    );
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    finished.push({ requestId, wire: encodedDataLength });
  });

  await page.goto(url);
  await ready(page);
  while (performance.now() - lastRequest < QUIET_MS) await page.waitForTimeout(250);
  await context.close();

  const depth = (u: string, seen = 0): number => {
    const parent = parents.get(u);
    return !parent || parent === url || seen > 50 ? 1 : 1 + depth(parent, seen + 1);
  };
  return finished.flatMap(({ requestId, wire }) => {
    const r = responses.get(requestId);
    if (!r?.js) return [];
    return [{
      url: r.url,
      wire: Math.max(0, wire - (headerBytes.get(requestId) ?? 0)),
      decoded: decoded.get(requestId) ?? 0,
      encoding: r.encoding,
      depth: depth(r.url),
    }];
  });
}

/** livekit-client alone, minified: what a bare page that plays a LiveKit room loads. */
async function bareLivekitClient() {
  const code = await minifiedBundle(
    `${REPO_ROOT}/tests/e2e/harness/livekit_client_entry.ts`,
    "livekit-client for the baseline",
  );
  const gzip = await new Response(new Blob([code]).stream().pipeThrough(new CompressionStream("gzip")))
    .bytes();
  return { raw: code.byteLength, gzip: gzip.byteLength, brotli: brotliCompressSync(code).byteLength };
}

const stack = await startProductionStack();
const browser = await launchBrowser();
try {
  const bare = await bareLivekitClient();
  const built = await Deno.stat(`${REPO_ROOT}/_fresh/islands`).catch(() => null);
  if (built) console.log(`Islands served from _fresh/islands, built ${built.mtime?.toISOString()}.`);
  const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
  const seller = { storageState: await studio.context().storageState() };
  // The studio before going live (a second studio tab while on air would broadcast too).
  const pages: [string, Script[]][] = [
    ["studio", await scriptsOf(browser, studio.url(), (p) => p.waitForLoadState("load"), seller)],
  ];
  await goLive(studio);
  pages.unshift([
    "watch (live, until playing)",
    await scriptsOf(
      browser,
      watchUrl,
      (p) => p.waitForSelector(".player[data-phase=playing]", { timeout: 30_000 }),
    ),
  ]);
  pages.push(["home", await scriptsOf(browser, `${stack.appUrl}/`, (p) => p.waitForLoadState("load"))]);

  const sum = (xs: Script[], key: "wire" | "decoded") => xs.reduce((n, s) => n + s[key], 0);
  const encodings = (xs: Script[]) =>
    [...new Set(xs.map((s) => s.encoding))].map((e) => `${e} ×${xs.filter((s) => s.encoding === e).length}`)
      .join(", ") || "—";
  const watch = pages[0]![1];
  printTable(
    "JavaScript downloaded per page (KB = 1,000 bytes; wire = body as sent, decoded = as run)",
    ["page", "KB on the wire", "KB decoded", "× bare gzip", "scripts", "longest chain", "content-encoding"],
    [
      [
        "bare livekit-client page (baseline, minified)",
        `${kb(bare.gzip)} gzip / ${kb(bare.brotli)} br`,
        kb(bare.raw),
        "1.00",
        1,
        1,
        "—",
      ],
      ...pages.map(([name, xs]) => [
        name,
        kb(sum(xs, "wire")),
        kb(sum(xs, "decoded")),
        (sum(xs, "wire") / bare.gzip).toFixed(2),
        xs.length,
        Math.max(0, ...xs.map((s) => s.depth)),
        encodings(xs),
      ]),
    ],
  );
  const over = sum(watch, "wire") / 1000 - BUDGET_KB;
  console.log(
    `\nWatch page budget ${BUDGET_KB} KB on the wire: ${
      over > 0 ? `OVER by ${over.toFixed(1)} KB` : `within it (${(-over).toFixed(1)} KB to spare)`
    }.`,
  );
  console.log("\nWatch page scripts, largest first (KB on the wire / decoded, chain depth):");
  for (const s of watch.toSorted((a, b) => b.decoded - a.decoded)) {
    console.log(
      `  ${kb(s.wire).padStart(8)} / ${kb(s.decoded).padStart(8)}  ${s.depth}  ${new URL(s.url).pathname}`,
    );
  }
  if (over > 0) Deno.exitCode = 1;
} finally {
  await browser.close();
  await stack.stop();
}
