// What the benchmarks share: percentiles and tables, a seller who calls the JSON API over
// plain HTTP with their session cookie or goes live from the studio, viewer tokens, the
// seller's outbound WebRTC stats and CPU time from /proc.
import type { Browser, Page } from "playwright-core";
import { mintToken, viewerGrant } from "@/lib/livekit/tokens.ts";
import { withRtcStats } from "@/tests/e2e/harness/browser.ts";
import { type Stack, startStack } from "@/tests/e2e/harness/stack.ts";
import { createStreamAsSeller, goLive, type SellerStudio } from "@/tests/e2e/live_flow.ts";

/** The p-th percentile of ascending `sorted` values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface SellerApi {
  /** Calls the app's JSON API as the seller; throws on an error status. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function signUpSeller(appUrl: string): Promise<SellerApi> {
  const signup = await fetch(`${appUrl}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: "bench@example.com",
      name: "Bench Seller",
      password: "bench password 123",
    }),
  });
  await json(signup);
  const cookie = signup.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const headers = { "content-type": "application/json", cookie };
  return {
    call: async (method, path, body) =>
      await json(await fetch(`${appUrl}${path}`, { method, headers, body: JSON.stringify(body ?? {}) })),
  };
}

async function json(res: Response) {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return await res.json();
}

/**
 * The machine a table came from: its CPU, cores, memory and the load average over the last
 * minute, which counts this run and everything else that ran beside it.
 */
function machine(): string {
  const cpu = Deno.readTextFileSync("/proc/cpuinfo").match(/model name\s*:\s*(.+)/)?.[1] ?? "unknown CPU";
  const gib = (Deno.systemMemoryInfo().total / 2 ** 30).toFixed(0);
  return `Machine: ${navigator.hardwareConcurrency} × ${cpu}, ${gib} GiB; load average (1 min, this run included) ${
    Deno.loadavg()[0]!.toFixed(2)
  }`;
}

/** Prints `title`, the machine, then a Markdown table; numbers are right-aligned. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c]?.length ?? 0)));
  const numeric = header.map((_, c) =>
    rows.every((r) => typeof r[c] === "number" || /^([-\d.,]+|—$)/.test(String(r[c])))
  );
  const line = (r: string[]) =>
    `| ${r.map((x, c) => numeric[c] ? x.padStart(widths[c]!) : x.padEnd(widths[c]!)).join(" | ")} |`;
  console.log(`\n${title}\n${machine()}\n`);
  console.log(line(header));
  console.log(
    `|${widths.map((w, c) => numeric[c] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2)).join("|")}|`,
  );
  for (const r of cells.slice(1)) console.log(line(r));
}

/**
 * The seller live from the studio, through the app's own pages, with every peer connection
 * recorded (withRtcStats). `camera`, when given, is an init script that runs in the studio
 * before the app's code, e.g. to swap Chromium's fake camera for a canvas.
 */
export async function liveSeller(
  browser: Browser,
  appUrl: string,
  camera?: { script: string },
): Promise<SellerStudio> {
  const seller = await createStreamAsSeller(browser, appUrl, { title: "Bench stream" });
  const context = await withRtcStats(seller.studio.context());
  if (camera) await context.addInitScript({ content: camera.script });
  await seller.studio.reload(); // the init scripts run from this load on
  await goLive(seller.studio);
  return seller;
}

/**
 * The stack with the app in production mode (APP_ENV=production): its own APP_SECRET, and
 * `publicUrl` as the wss:// LiveKit URL browsers are given (nothing answers the default).
 * Rate limits are scaled out of the way: every client here shares one address.
 */
export async function startProductionStack(publicUrl = "wss://livekit.localhost"): Promise<Stack> {
  const secret = Array.from(
    crypto.getRandomValues(new Uint8Array(24)),
    (b) => b.toString(16).padStart(2, "0"),
  );
  return await startStack({
    appEnv: {
      APP_ENV: "production",
      APP_SECRET: secret.join(""),
      LIVEKIT_PUBLIC_URL: publicUrl,
      RATE_LIMIT_SCALE: "100000",
    },
  });
}

/** `count` tokens with the app's viewer grant, identities `<prefix>-<i>~vbench`. */
export async function viewerTokens(stack: Stack, streamId: string, prefix: string, count: number) {
  const keys = { apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret };
  return await Promise.all(Array.from(
    { length: count },
    (_, i) =>
      mintToken(keys, { identity: `${prefix}-${i}~vbench`, name: `Bench ${i}` }, viewerGrant(streamId)),
  ));
}

export interface OutboundLayer {
  /** Which peer connection and RTP stream: the same across calls while both last. */
  id: string;
  kind: string;
  /** The simulcast layer's id ("q", "h", "f" in LiveKit), or "" for a single layer. */
  rid: string;
  bytesSent: number;
  frameWidth: number;
  frameHeight: number;
  /** Why the encoder sends less than asked ("none", "cpu", "bandwidth"). */
  limitation: string;
}

/** Every outbound RTP stream of every peer connection the page made (recorded by withRtcStats). */
export function outboundLayers(page: Page): Promise<OutboundLayer[]> {
  return page.evaluate(async () => {
    const layers: OutboundLayer[] = [];
    for (
      const [i, pc] of ((globalThis as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).entries()
    ) {
      if (pc.connectionState === "closed") continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type !== "outbound-rtp") return;
        layers.push({
          id: `${i}/${s.id}`,
          kind: s.kind,
          rid: s.rid ?? "",
          bytesSent: s.bytesSent ?? 0,
          frameWidth: s.frameWidth ?? 0,
          frameHeight: s.frameHeight ?? 0,
          limitation: s.qualityLimitationReason ?? "none",
        });
      });
    }
    return layers;
  });
}

/** Seconds of CPU (user + system) process `pid` has used so far, from /proc. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
  // Fields after the command name, which may itself hold spaces: utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Seconds of CPU the whole machine has been busy and in all, summed over cores, from /proc/stat. */
export async function machineCpuSeconds(): Promise<{ busy: number; total: number }> {
  const [, ...ticks] = (await Deno.readTextFile("/proc/stat")).split("\n")[0]!.trim().split(/\s+/).map(
    Number,
  );
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = ticks[3]! + ticks[4]!; // idle + iowait
  return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

/** USER_HZ: Linux reports CPU time in 1/100 s on every architecture Deno runs on. */
const CLOCK_TICKS = 100;

/**
 * Links `sender` to `receiver` with `count` direct RTCPeerConnections on loopback, each
 * sending every track of the sender page's `globalThis.peerStream`; the receiver keeps
 * what each link brings in `globalThis.peerStreams`. Whole offers and answers go through
 * this process (no trickle: loopback candidates gather at once).
 */
export async function peerLinks(sender: Page, receiver: Page, count: number): Promise<void> {
  const offers = await sender.evaluate(async (count) => {
    const g = globalThis as unknown as { peerStream: MediaStream; peers?: RTCPeerConnection[] };
    g.peers = [];
    return await Promise.all([...Array(count)].map(async () => {
      const pc = new RTCPeerConnection();
      g.peers!.push(pc);
      for (const track of g.peerStream.getTracks()) pc.addTrack(track, g.peerStream);
      await pc.setLocalDescription();
      while (pc.iceGatheringState !== "complete") {
        await new Promise((next) => pc.addEventListener("icegatheringstatechange", next, { once: true }));
      }
      return pc.localDescription!.toJSON();
    }));
  }, count);
  const answers = await receiver.evaluate(async (offers) => {
    const g = globalThis as unknown as { peerStreams: MediaStream[]; peers?: RTCPeerConnection[] };
    g.peers = [];
    g.peerStreams = [];
    return await Promise.all(offers.map(async (offer, i) => {
      const pc = new RTCPeerConnection();
      g.peers!.push(pc);
      pc.addEventListener("track", (e) => g.peerStreams[i] = e.streams[0]!);
      await pc.setRemoteDescription(offer);
      await pc.setLocalDescription();
      while (pc.iceGatheringState !== "complete") {
        await new Promise((next) => pc.addEventListener("icegatheringstatechange", next, { once: true }));
      }
      return pc.localDescription!.toJSON();
    }));
  }, offers);
  await sender.evaluate(async (answers) => {
    const peers = (globalThis as unknown as { peers: RTCPeerConnection[] }).peers;
    await Promise.all(answers.map((answer, i) => peers[i]!.setRemoteDescription(answer)));
  }, answers);
}
