// Debian's Chromium driven by playwright-core, with a synthetic camera and
// microphone, plus test-only WebRTC instrumentation.
import { type Browser, type BrowserContext, chromium, type LaunchOptions, type Page } from "playwright-core";

export const CHROMIUM_PATH = Deno.env.get("CHROMIUM_PATH") ??
  "/usr/bin/chromium";

export const CHROMIUM_ARGS: readonly string[] = [
  // From docs/architecture (machine facts): run as root in a container, no GPU,
  // no network chatter beyond the servers under test.
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Synthetic camera (a moving test pattern) and microphone (a beep), and
  // getUserMedia permission granted without a prompt.
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  // Let <video>/<audio> play without a click.
  "--autoplay-policy=no-user-gesture-required",
  // Small /dev/shm in containers crashes tabs; use /tmp instead.
  "--disable-dev-shm-usage",
];

/** Launches headless Chromium. Close it in a finally block (browser.close()). */
export async function launchBrowser(
  opts: LaunchOptions = {},
): Promise<Browser> {
  try {
    await Deno.stat(CHROMIUM_PATH);
  } catch {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Run scripts/setup --browser (or: sudo apt-get install -y chromium).`,
    );
  }
  return await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...opts,
    args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
  });
}

// Runs in every page before any of its scripts: records each RTCPeerConnection
// the page creates on window.__pcs so tests can read their stats.
const RTC_STATS_INIT_SCRIPT = `(() => {
  const Original = window.RTCPeerConnection;
  if (!Original || window.__pcs) return;
  const pcs = [];
  Object.defineProperty(window, "__pcs", { value: pcs, configurable: false });
  class RecordedPeerConnection extends Original {
    constructor(...args) {
      super(...args);
      pcs.push(this);
    }
  }
  window.RTCPeerConnection = RecordedPeerConnection;
  if (window.webkitRTCPeerConnection) window.webkitRTCPeerConnection = RecordedPeerConnection;
})();`;

/** Instruments every page of `context` (call before opening pages). Returns the context. */
export async function withRtcStats(
  context: BrowserContext,
): Promise<BrowserContext> {
  await context.addInitScript({ content: RTC_STATS_INIT_SCRIPT });
  return context;
}

export interface InboundStats {
  /** Video frames decoded, over every inbound video stream of every peer connection. */
  framesDecoded: number;
  /** Audio payload bytes received. */
  audioBytes: number;
  /**
   * Audio samples received (totalSamplesReceived). Chromium only counts these
   * while the track plays (attached to an <audio>/<video> element); bytes
   * arrive either way.
   */
  audioSamples: number;
  /** Video payload bytes received. */
  videoBytes: number;
  /** Peer connections the page created (open or closed). */
  peerConnections: number;
}

/** Sums the inbound-rtp stats of every peer connection recorded by withRtcStats. */
export function inboundStats(page: Page): Promise<InboundStats> {
  return page.evaluate(async () => {
    const totals = {
      framesDecoded: 0,
      audioBytes: 0,
      audioSamples: 0,
      videoBytes: 0,
      peerConnections: 0,
    };
    const pcs = (globalThis as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? [];
    totals.peerConnections = pcs.length;
    for (const pc of pcs) {
      let report: RTCStatsReport;
      try {
        report = await pc.getStats();
      } catch {
        continue; // closed
      }
      report.forEach((s) => {
        if (s.type !== "inbound-rtp") return;
        const kind = s.kind ?? s.mediaType;
        if (kind === "video") {
          totals.framesDecoded += s.framesDecoded ?? 0;
          totals.videoBytes += s.bytesReceived ?? 0;
        } else if (kind === "audio") {
          totals.audioBytes += s.bytesReceived ?? 0;
          totals.audioSamples += s.totalSamplesReceived ?? 0;
        }
      });
    }
    return totals;
  });
}

/**
 * Polls inboundStats until `predicate` holds; throws with the last stats after
 * `timeoutMs` (default 15 s). E.g. `await waitForInbound(page, (s) => s.framesDecoded > 30)`.
 */
export async function waitForInbound(
  page: Page,
  predicate: (stats: InboundStats) => boolean,
  timeoutMs = 15_000,
): Promise<InboundStats> {
  const deadline = Date.now() + timeoutMs;
  let last = await inboundStats(page);
  while (!predicate(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `inbound media did not arrive within ${timeoutMs} ms; last stats: ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await inboundStats(page);
  }
  return last;
}

// Runs in every page before its scripts: each RTCPeerConnection may use relayed candidates
// only (TURN), as on a network where no direct path to the SFU works.
const RELAY_ONLY_INIT_SCRIPT = `(() => {
  const Original = window.RTCPeerConnection;
  if (!Original) return;
  const relay = (config) => ({ ...(config ?? {}), iceTransportPolicy: "relay" });
  class RelayOnlyPeerConnection extends Original {
    constructor(config, ...rest) {
      super(relay(config), ...rest);
    }
    setConfiguration(config) {
      return super.setConfiguration(relay(config));
    }
  }
  window.RTCPeerConnection = RelayOnlyPeerConnection;
})();`;

/** Forces relay-only ICE in every page of `context` (call before withRtcStats and before opening pages). */
export async function relayOnly(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript({ content: RELAY_ONLY_INIT_SCRIPT });
  return context;
}

export interface SelectedPath {
  /** The local candidate's type: "host", "srflx", "prflx" or "relay". */
  localType: string;
  /** How media flows to the server: "udp" or "tcp". */
  protocol: string;
  /** For a relay candidate, how the browser reaches its TURN server. */
  relayProtocol?: string;
}

/** The candidate pair each connected peer connection (recorded by withRtcStats) carries media on. */
export function selectedPaths(page: Page): Promise<SelectedPath[]> {
  return page.evaluate(async () => {
    const paths: SelectedPath[] = [];
    const pcs = (globalThis as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? [];
    for (const pc of pcs) {
      if (pc.connectionState !== "connected") continue;
      const stats = new Map<string, Record<string, string>>();
      (await pc.getStats()).forEach((s) => stats.set(s.id, s));
      for (const transport of stats.values()) {
        if (transport.type !== "transport" || !transport.selectedCandidatePairId) continue;
        const pair = stats.get(transport.selectedCandidatePairId);
        const local = pair && stats.get(pair.localCandidateId!);
        if (local) {
          paths.push({
            localType: local.candidateType!,
            protocol: local.protocol!,
            relayProtocol: local.relayProtocol,
          });
        }
      }
    }
    return paths;
  });
}
