// Viewer join time: from navigation to the first decoded video frame, for the watch page
// (production build) against a bare livekit-client page joining the same room (the
// baseline, bench/join/), alternating, over N joins each; once on loopback and once over
// a phone-like network (20 Mbit/s, 40 ms round trip, emulated by Chromium). With where
// the time goes: DOMContentLoaded, a token request (if any), the signalling WebSocket
// open, the video attached and its first frame, and the main thread's busy time.
//   deno run -A --unstable-bundle bench/join_time.ts [joins]
import type { Browser } from "playwright-core";
import { mintToken, viewerGrant } from "@/lib/livekit/tokens.ts";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { createStreamAsSeller, goLive } from "@/tests/e2e/live_flow.ts";
import { percentile, startProductionStack } from "./bench_kit.ts";
import { serveBarePage } from "./join/bare_server.ts";

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

async function join(browser: Browser, url: string, phone: boolean): Promise<Join> {
  const context = await browser.newContext();
  await context.addInitScript({ content: MARKS });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
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
  const { metrics } = await cdp.send("Performance.getMetrics");
  const marks = await page.evaluate(() => {
    const m = (globalThis as unknown as { __marks: { firstFrame: number; wsOpen: number; attached: number } })
      .__marks;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const token = performance.getEntriesByType("resource").find((e) => e.name.includes("/token"));
    return { ...m, dcl: nav.domContentLoadedEventEnd, token: token?.startTime ?? null };
  });
  await context.close();
  return {
    firstFrame: marks.firstFrame,
    dcl: marks.dcl,
    token: marks.token ?? null,
    wsOpen: marks.wsOpen,
    attachedToFrame: marks.firstFrame - marks.attached,
    mainThread: (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000,
  };
}

function table(title: string, app: Join[], bare: Join[]) {
  const at = (xs: number[], p: number) => percentile([...xs].sort((a, b) => a - b), p);
  const cell = (xs: number[]) => `${at(xs, 50).toFixed(0).padStart(6)} ${at(xs, 95).toFixed(0).padStart(6)}`;
  console.log(`\n${title} (ms since navigation; p50 p95 over ${app.length} joins each)\n`);
  console.log("| measure                         |  watch page   |  bare page    | ratio p50 / p95 |");
  console.log("|---------------------------------|---------------|---------------|-----------------|");
  const row = (name: string, pick: (j: Join) => number | null) => {
    const a = app.map(pick).filter((x) => x !== null) as number[];
    const b = bare.map(pick).filter((x) => x !== null) as number[];
    const ratio = b.length && a.length
      ? `${(at(a, 50) / at(b, 50)).toFixed(2)}× / ${(at(a, 95) / at(b, 95)).toFixed(2)}×`
      : "—";
    console.log(
      `| ${name.padEnd(31)} | ${a.length ? cell(a) : "     —      "}  | ${
        b.length ? cell(b) : "     —      "
      }  | ${ratio.padStart(15)} |`,
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
const bare = await serveBarePage();
try {
  const { studio, watchUrl, streamId } = await createStreamAsSeller(browser, stack.appUrl);
  await goLive(studio);
  const keys = { apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret };
  const bareUrl = (i: number) => {
    const token = mintToken(
      keys,
      { identity: `bare-${i}~vbench`, name: "Bare" },
      viewerGrant(streamId),
    );
    return `${bare.url}#${new URLSearchParams({ url: stack.livekit.url, token })}`;
  };
  for (const phone of [false, true]) {
    const app: Join[] = [];
    const base: Join[] = [];
    for (let i = 0; i < JOINS; i++) {
      app.push(await join(browser, watchUrl, phone));
      base.push(await join(browser, bareUrl(i + (phone ? JOINS : 0)), phone));
    }
    table(phone ? "Join over 20 Mbit/s, 40 ms round trip" : "Join on loopback", app, base);
  }
} finally {
  await bare.close();
  await browser.close();
  await stack.stop();
}
