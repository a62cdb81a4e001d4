// Seller uplink: the bitrate the seller's browser sends (outbound RTP bytes over a window)
// with 1, 10 and 50 viewers. Through LiveKit, the seller is live from the studio
// (Chromium's fake camera, the app's 720p simulcast) and the viewers are livekit-client
// Rooms in one page that never render, asking for the 720p, 360p and 180p layers in turn.
// The baseline, measured in the same run, is the peer-to-peer design: the same fake
// camera at 720p sent over one RTCPeerConnection per viewer.
//   deno run -A --unstable-bundle bench/uplink.ts [viewer counts, default 1,10,50] [window s]
import type { Browser, Page } from "playwright-core";
import { launchBrowser, withRtcStats } from "@/tests/e2e/harness/browser.ts";
import { installLivekitClient } from "@/tests/e2e/harness/livekit_client.ts";
import { type Stack, startStack } from "@/tests/e2e/harness/stack.ts";
import { liveSeller, printTable, viewerTokens } from "./bench_kit.ts";
import { machineCpuSeconds } from "./cpu.ts";
import { type OutboundLayer, outboundLayers, peerLinks } from "./rtc_kit.ts";

const COUNTS = (Deno.args[0] ?? "1,10,50").split(",").map(Number);
const WINDOW_S = Number(Deno.args[1] ?? 10);
// A fresh peer connection starts near 300 kbit/s and a low resolution, and probes its way
// up to 720p over 20-30 s: measure once every encoder is held back by nothing, or after this.
const SETTLE_S = 60;

const sleep = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1000));

interface Uplink {
  kbps: number;
  /** Video streams that sent in the window, and their frame heights (e.g. "3: 180p 360p 720p"). */
  streams: string;
  /** Video streams whose encoder was held back, by reason (e.g. "cpu 12"). */
  limited: string;
  /** The machine's CPU over the window, % of one core (200 is both cores). */
  machineCpu: number;
  /** How long the encoders took to settle before the window (s). */
  settled: number;
}

/**
 * Waits until no video encoder of `page` has been held back (by CPU or bandwidth) for 3 s
 * in a row, at most `seconds`; returns how long it took.
 */
async function settle(page: Page, seconds: number): Promise<number> {
  const start = performance.now();
  for (let calm = 0; calm < 3 && performance.now() - start < seconds * 1000;) {
    const video = (await outboundLayers(page)).filter((l) => l.kind === "video");
    const free = video.length > 0 && video.every((l) => l.limitation === "none" && l.frameHeight > 0);
    calm = free ? calm + 1 : 0;
    await sleep(1);
  }
  return (performance.now() - start) / 1000;
}

/** What `page` sent over the next WINDOW_S seconds. */
async function measureUplink(page: Page, settleS: number): Promise<Uplink> {
  const settled = await settle(page, settleS);
  const [before, cpuBefore, t0] = [await outboundLayers(page), await machineCpuSeconds(), performance.now()];
  await sleep(WINDOW_S);
  const [after, cpuAfter] = [await outboundLayers(page), await machineCpuSeconds()];
  const seconds = (performance.now() - t0) / 1000;
  const sent = after.map((l) => ({
    ...l,
    bytes: l.bytesSent - (before.find((b) => b.id === l.id)?.bytesSent ?? 0),
  }));
  const video = sent.filter((l) => l.kind === "video" && l.bytes > 0);
  const heights = video.map((l) => l.frameHeight).sort((a, b) => a - b);
  const reasons = new Map<string, number>();
  for (const l of video.filter((l: OutboundLayer) => l.limitation !== "none")) {
    reasons.set(l.limitation, (reasons.get(l.limitation) ?? 0) + 1);
  }
  return {
    kbps: (8 * sent.reduce((a, l) => a + l.bytes, 0)) / seconds / 1000,
    streams: `${video.length}: ${[...new Set(heights)].map((h) => `${h}p`).join(" ")}`,
    limited: [...reasons].map(([r, n]) => `${r} ${n}`).join(", ") || "none",
    machineCpu: (100 * (cpuAfter.busy - cpuBefore.busy)) / seconds,
    settled,
  };
}

/** The seller live through LiveKit, measured with each count of viewers (added as it goes). */
async function throughLivekit(browser: Browser, stack: Stack): Promise<Uplink[]> {
  const { studio, streamId } = await liveSeller(browser, stack.appUrl);
  const viewers = await (await browser.newContext({ bypassCSP: true })).newPage();
  await viewers.goto(`${stack.appUrl}/healthz`);
  await installLivekitClient(viewers);
  const tokens = await viewerTokens(stack, streamId, "uplink", Math.max(...COUNTS));
  const results: Uplink[] = [];
  let joined = 0;
  for (const count of COUNTS) {
    await viewers.evaluate(async ({ url, tokens, from }) => {
      const w = globalThis as unknown as { LK: typeof import("livekit-client"); videos?: number };
      const { Room, RoomEvent, Track, VideoQuality } = w.LK;
      const layers = [VideoQuality.HIGH, VideoQuality.MEDIUM, VideoQuality.LOW];
      for (const [i, token] of tokens.entries()) {
        const room = new Room();
        room.on(RoomEvent.TrackSubscribed, (track, publication) => {
          if (track.kind !== Track.Kind.Video) return;
          publication.setVideoQuality(layers[(from + i) % layers.length]!);
          w.videos = (w.videos ?? 0) + 1;
        });
        await room.connect(url, token);
      }
    }, { url: stack.livekit.url, tokens: tokens.slice(joined, count), from: joined });
    joined = count;
    await viewers.waitForFunction((n) => (globalThis as unknown as { videos?: number }).videos === n, count, {
      timeout: 60_000,
    });
    results.push(await measureUplink(studio, SETTLE_S));
  }
  await studio.context().close();
  await viewers.context().close();
  return results;
}

/** The peer-to-peer design: one link per viewer from a page with the fake camera at 720p. */
async function peerToPeer(browser: Browser, appUrl: string, count: number): Promise<Uplink> {
  const sender = await (await withRtcStats(await browser.newContext())).newPage();
  const receiver = await (await browser.newContext()).newPage();
  try {
    for (const page of [sender, receiver]) await page.goto(`${appUrl}/healthz`);
    await sender.evaluate(async () => {
      (globalThis as unknown as { peerStream: MediaStream }).peerStream = await navigator.mediaDevices
        .getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
    });
    await peerLinks(sender, receiver, count);
    return await measureUplink(sender, SETTLE_S);
  } finally {
    await sender.context().close();
    await receiver.context().close();
  }
}

const stack = await startStack();
const browser = await launchBrowser();
try {
  const p2p: Uplink[] = [];
  for (const count of COUNTS) p2p.push(await peerToPeer(browser, stack.appUrl, count));
  const livekit = await throughLivekit(browser, stack);

  const kbps = (x: number) => x.toFixed(0);
  printTable(
    `Seller uplink (kbit/s sent, video + audio) over ${WINDOW_S} s; machine CPU in % of one core (200 = both)`,
    [
      "viewers",
      "peer-to-peer (baseline)",
      "P2P video streams",
      "P2P held back",
      "P2P settled in",
      "P2P CPU",
      "LiveKit",
      "LiveKit video layers",
      "LiveKit held back",
      "LiveKit settled in",
      "LiveKit CPU",
      "LiveKit ÷ P2P",
    ],
    COUNTS.map((n, i) => [
      n,
      kbps(p2p[i]!.kbps),
      p2p[i]!.streams,
      p2p[i]!.limited,
      `${p2p[i]!.settled.toFixed(0)} s`,
      kbps(p2p[i]!.machineCpu),
      kbps(livekit[i]!.kbps),
      livekit[i]!.streams,
      livekit[i]!.limited,
      `${livekit[i]!.settled.toFixed(0)} s`,
      kbps(livekit[i]!.machineCpu),
      (livekit[i]!.kbps / p2p[i]!.kbps).toFixed(2),
    ]),
  );
} finally {
  await browser.close();
  await stack.stop();
}
