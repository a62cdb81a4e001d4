// Glass-to-glass latency: a canvas showing the time it was drawn (bench/pixel_clock.ts) is
// the seller's camera in the studio, goes live through the app and LiveKit, and is read
// back from the watch page's video on every frame it presents: presented minus drawn.
// The baseline is the same canvas, at the same time, sent from the studio page over a
// direct RTCPeerConnection to another page of the same Chromium (no SFU, no app): both
// paths carry the same frames through the same moments of a shared machine.
//   deno run -A --unstable-bundle bench/glass_to_glass.ts [seconds per path, default 20]
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { startStack } from "@/tests/e2e/harness/stack.ts";
import { liveSeller, percentile, printTable } from "./bench_kit.ts";
import { peerLinks } from "./rtc_kit.ts";
import { type ClockReadings, type PixelClock, pixelClockScript } from "./pixel_clock.ts";

const SECONDS = Number(Deno.args[0] ?? 20);
const WARMUP_S = 3;

const sleep = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1000));
type ClockWindow = { pixelClock: PixelClock; peerStream: MediaStream; peerStreams: MediaStream[] };

async function pageWithClock(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript({ content: pixelClockScript(false).script });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Reads the clock off `selector`'s video: warm-up first, then SECONDS of frames. */
async function readClock(page: Page, selector: string): Promise<ClockReadings> {
  await page.evaluate((selector) => {
    const w = globalThis as unknown as ClockWindow;
    w.pixelClock.watch(document.querySelector<HTMLVideoElement>(selector)!);
  }, selector);
  await sleep(WARMUP_S);
  await page.evaluate(() => {
    const { readings } = (globalThis as unknown as ClockWindow).pixelClock;
    readings.latencies.length = 0;
    readings.unreadable = 0;
  });
  await sleep(SECONDS);
  const readings = await page.evaluate(() => (globalThis as unknown as ClockWindow).pixelClock.readings);
  if (readings.latencies.length === 0) {
    throw new Error(`no readable frame on ${page.url()} (${readings.unreadable} unreadable)`);
  }
  return readings;
}

/**
 * The baseline: the studio's canvas also goes over one RTCPeerConnection pair to a page of
 * its own, into a <video class="direct">.
 */
async function directFrom(studio: Page, browser: Browser, appUrl: string): Promise<Page> {
  const receiver = await pageWithClock(browser, `${appUrl}/healthz`);
  await studio.evaluate(() => {
    const w = globalThis as unknown as ClockWindow;
    w.peerStream = new MediaStream([w.pixelClock.track()]);
  });
  await peerLinks(studio, receiver, 1);
  // A fresh link starts low and ramps its bitrate up for seconds; keep 720p from the start,
  // as LiveKit's top layer has, so both paths encode and decode frames of one size.
  await studio.evaluate(async () => {
    for (const pc of (globalThis as unknown as { peers: RTCPeerConnection[] }).peers) {
      for (const s of pc.getSenders()) {
        await s.setParameters({ ...s.getParameters(), degradationPreference: "maintain-resolution" });
      }
    }
  });
  await receiver.evaluate(async () => {
    const video = Object.assign(document.createElement("video"), { muted: true, playsInline: true });
    video.className = "direct";
    video.srcObject = (globalThis as unknown as ClockWindow).peerStreams[0]!;
    document.body.replaceChildren(video);
    await video.play();
  });
  return receiver;
}

const stack = await startStack();
const browser = await launchBrowser();
try {
  const { studio, watchUrl } = await liveSeller(browser, stack.appUrl, pixelClockScript(true));
  const viewer = await pageWithClock(browser, watchUrl);
  await viewer.waitForSelector(".player[data-phase=playing]", { timeout: 30_000 });
  const receiver = await directFrom(studio, browser, stack.appUrl);
  const [baseline, livekit] = await Promise.all([
    readClock(receiver, "video.direct"),
    readClock(viewer, "video.main-video"),
  ]);

  const sorted = (r: ClockReadings) => r.latencies.toSorted((a, b) => a - b);
  const [b, l] = [sorted(baseline), sorted(livekit)];
  const row = (name: string, r: ClockReadings, xs: number[]) => [
    name,
    r.size,
    xs.length,
    r.unreadable,
    percentile(xs, 50),
    percentile(xs, 95),
    xs.at(-1)!,
  ];
  printTable(
    `Glass-to-glass latency (ms, canvas drawn → frame presented), both paths at once for ${SECONDS} s ` +
      `after ${WARMUP_S} s warm-up`,
    ["path", "frame", "frames read", "unreadable", "p50", "p95", "max"],
    [
      row("direct RTCPeerConnection pair (baseline)", baseline, b),
      row("studio → LiveKit → watch page", livekit, l),
    ],
  );
  console.log(
    `\nLiveKit / direct: p50 ${(percentile(l, 50) / percentile(b, 50)).toFixed(2)}×, ` +
      `p95 ${(percentile(l, 95) / percentile(b, 95)).toFixed(2)}×`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
