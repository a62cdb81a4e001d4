// Viewer join time: from navigation to the first decoded video frame, for the watch page
// (production build) against a bare livekit-client page joining the same room (the
// baseline, bench/join/), taking turns, over N joins each after one unmeasured join each.
// Each viewer arrives from a page of another site, as one following a shared link does,
// on loopback and over a phone-like network (20 Mbit/s, 40 ms round trip, emulated by
// Chromium); then once more on loopback from a fresh tab's blank page, the method at
// filing, where only a page without the app's `Cross-Origin-Opener-Policy` may keep the
// tab's first renderer. With where the time goes: DOMContentLoaded, a token request (if
// any), the signalling WebSocket open, the video attached and its first frame, and the
// main thread's busy time. A third page, the floor, is the bare script in the watch page's
// own HTML and CSS: what showing that page costs before any of our code runs.
//   deno run -A --unstable-bundle bench/join_time.ts [joins]
import type { Browser } from "playwright-core";
import { mintToken, viewerGrant } from "@/lib/livekit/tokens.ts";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { createStreamAsSeller, goLive } from "@/tests/e2e/live_flow.ts";
import { percentile, startProductionStack } from "./bench_kit.ts";
import { floorOf, serveBarePage } from "./join/bare_server.ts";
import { traceMainThread } from "./join/main_thread.ts";

const JOINS = Number(Deno.args[0] ?? 20);

// In every page before its scripts: when the signalling WebSocket opens, when a <video>
// is given its stream, and when it presents its first frame (ms since navigation).
const MARKS = `(() => {
  const marks = (window.__marks = {});
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(url, protocols) {
      super(url, protocols);
      if (String(url).includes("/rtc")) this.addEventListener("open", () => marks.wsOpen ??= performance.now());
    }
  };
  const src = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "srcObject");
  Object.defineProperty(HTMLMediaElement.prototype, "srcObject", { ...src, set(value) {
    src.set.call(this, value);
    if (this instanceof HTMLVideoElement && value && marks.attached === undefined) {
      marks.attached = performance.now();
      this.requestVideoFrameCallback(() => marks.firstFrame ??= performance.now());
    }
  } });
})();`;

interface Join {
  firstFrame: number;
  dcl: number;
  token: number | null;
  wsOpen: number;
  attachedToFrame: number;
  mainThread: number;
}

const PHONE = { offline: false, latency: 40, downloadThroughput: 2_500_000, uploadThroughput: 2_500_000 };

interface Scenario {
  title: string;
  phone: boolean;
  /** The page the viewer is on before (none: a fresh tab). */
  from?: string;
}

async function join(browser: Browser, url: string, { phone, from }: Scenario): Promise<Join> {
  const context = await browser.newContext();
  await context.addInitScript({ content: MARKS });
  const page = await context.newPage();
  if (from) await page.goto(from);
  const cdp = await context.newCDPSession(page);
  const mainThreadUntil = await traceMainThread(cdp);
  if (phone) await cdp.send("Network.emulateNetworkConditions", PHONE);
  await page.goto(url);
  await page.waitForFunction(
    () => (globalThis as { __marks?: { firstFrame?: number } }).__marks?.firstFrame,
    null,
    {
      timeout: 60_000,
      polling: 20,
    },
  );
  const marks = await page.evaluate(() => {
    const m = (globalThis as unknown as { __marks: { firstFrame: number; wsOpen: number; attached: number } })
      .__marks;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const token = performance.getEntriesByType("resource").find((e) => e.name.includes("/token"));
    return { ...m, dcl: nav.domContentLoadedEventEnd, token: token?.startTime ?? null };
  });
  const mainThread = await mainThreadUntil(page, marks.firstFrame);
  await context.close();
  return {
    firstFrame: marks.firstFrame,
    dcl: marks.dcl,
    token: marks.token ?? null,
    wsOpen: marks.wsOpen,
    attachedToFrame: marks.firstFrame - marks.attached,
    mainThread,
  };
}

/** A row per measure: each page's p50 and p95, and the watch page and the floor against the bare page. */
function table(title: string, pages: Record<"watch" | "floor" | "bare", Join[]>) {
  const at = (xs: number[], p: number) => percentile([...xs].sort((a, b) => a - b), p);
  const cell = (xs: number[]) =>
    xs.length ? `${at(xs, 50).toFixed(0).padStart(5)} ${at(xs, 95).toFixed(0).padStart(5)}` : "     —     ";
  const ratio = (a: number[], b: number[]) =>
    a.length && b.length
      ? `${(at(a, 50) / at(b, 50)).toFixed(2)}× / ${(at(a, 95) / at(b, 95)).toFixed(2)}×`
      : "—";
  console.log(`\n${title} (ms since navigation; p50 p95 over ${pages.bare.length} joins each)\n`);
  console.log(
    "| measure                            | watch page  | floor page  | bare page   | watch ÷ bare p50 / p95 | floor ÷ bare    |",
  );
  console.log(
    "|------------------------------------|-------------|-------------|-------------|------------------------|-----------------|",
  );
  const row = (name: string, pick: (j: Join) => number | null) => {
    const values = (js: Join[]) => js.map(pick).filter((x): x is number => x !== null);
    const [w, f, b] = [values(pages.watch), values(pages.floor), values(pages.bare)];
    console.log(
      `| ${name.padEnd(34)} | ${cell(w)} | ${cell(f)} | ${cell(b)} | ${ratio(w, b).padStart(22)} | ${
        ratio(f, b).padStart(15)
      } |`,
    );
  };
  row("first decoded frame", (j) => j.firstFrame);
  row("DOMContentLoaded", (j) => j.dcl);
  row("token request sent", (j) => j.token);
  row("signalling WebSocket open", (j) => j.wsOpen);
  row("video attached → first frame", (j) => j.attachedToFrame);
  row("main-thread busy until first frame", (j) => j.mainThread);
}

const stack = await startProductionStack();
const browser = await launchBrowser();
try {
  const { studio, watchUrl, streamId } = await createStreamAsSeller(browser, stack.appUrl);
  await goLive(studio);
  const bare = await serveBarePage(floorOf(await (await fetch(watchUrl)).text(), stack.appUrl));
  const keys = { apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret };
  const bareUrl = (path: string, i: number) => {
    const token = mintToken(
      keys,
      { identity: `${path || "bare"}-${i}~vbench`, name: "Bare" },
      viewerGrant(streamId),
    );
    return `${bare.url}${path}#${new URLSearchParams({ url: stack.livekit.url, token })}`;
  };
  try {
    const scenarios: Scenario[] = [
      { title: "Join on loopback, from another site", phone: false, from: bare.elsewhere },
      {
        title: "Join over 20 Mbit/s, 40 ms round trip, from another site",
        phone: true,
        from: bare.elsewhere,
      },
      { title: "Join on loopback, from a fresh tab", phone: false },
    ];
    for (const [s, scenario] of scenarios.entries()) {
      const pages = { watch: [] as Join[], floor: [] as Join[], bare: [] as Join[] };
      const urlOf = (page: keyof typeof pages, n: number) =>
        page === "watch" ? watchUrl : bareUrl(page === "floor" ? "floor" : "", n);
      const order = Object.keys(pages) as (keyof typeof pages)[];
      // Each page joins once unmeasured first: a run's first join pays for what is cold
      // (the server's first render of a page, the first of its scripts served), which no
      // viewer after it does. Then the pages take turns going first.
      for (const page of order) await join(browser, urlOf(page, -1 - s), scenario);
      for (let i = 0; i < JOINS; i++) {
        const n = i + s * JOINS;
        for (const page of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) {
          pages[page].push(await join(browser, urlOf(page, n), scenario));
        }
      }
      table(scenario.title, pages);
    }
  } finally {
    await bare.close();
  }
} finally {
  await browser.close();
  await stack.stop();
}
