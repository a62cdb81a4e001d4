// Subscriber capacity: one seller live from the studio (Chromium's fake camera, the app's
// 720p simulcast) and N light subscribers (bench/capacity/, Go, reading RTP without
// decoding), N stepped up until a step loses ≥ 1 % of its video packets or cannot join
// everyone. Per step: packets lost, bitrate per subscriber against the seller's own top
// layer, and CPU (livekit-server, the subscribers, the machine) from /proc. The baseline,
// from the same run, is the seller alone (0 subscribers).
//   deno run -A --unstable-bundle bench/capacity.ts [steps, default 10,25,50,100,200,400] [window s]
import { RoomServiceClient } from "livekit-server-sdk";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";
import { startStack } from "@/tests/e2e/harness/stack.ts";
import { roomName } from "@/lib/livekit/names.ts";
import { liveSeller, printTable, viewerTokens } from "./bench_kit.ts";
import { cpuSeconds, machineCpuSeconds } from "./cpu.ts";
import { type OutboundLayer, outboundLayers } from "./rtc_kit.ts";

const STEPS = (Deno.args[0] ?? "10,25,50,100,200,400").split(",").map(Number);
const WINDOW_S = Number(Deno.args[1] ?? 10);
const MAX_LOSS = 0.01;

/** What bench/capacity/main.go prints. */
interface Counts {
  packets: number;
  bytes: number;
  gaps: number;
  recovered: number;
}
interface SubscriberResult {
  subscribers: number;
  joined: number;
  videoTracks: number;
  joinSeconds: number;
  video: Counts;
  audio: Counts;
  windowSeconds: number;
  /** Video tracks by the height of the last key frame they received (0: unknown). */
  heights: Record<string, number>;
  cpuSeconds: number;
  errors: string[] | null;
}

/** Builds the Go subscribers once; go caches the modules pinned by go.mod/go.sum. */
async function buildSubscribers(): Promise<string> {
  const out = `${await Deno.makeTempDir({ prefix: "showfloor-bench-" })}/subscribers`;
  const built = await new Deno.Command("go", {
    args: ["build", "-o", out, "."],
    cwd: `${REPO_ROOT}/bench/capacity`,
    stdout: "inherit",
    stderr: "inherit",
  }).output().catch((e) => {
    throw new Error(`bench/capacity needs Go (https://go.dev) on PATH: ${e}`);
  });
  if (!built.success) throw new Error("go build of bench/capacity failed (see above)");
  return out;
}

/** CPU seconds of livekit-server and the machine, and the seller's video layers, right now. */
async function sample(livekitPid: number, seller: () => Promise<OutboundLayer[]>) {
  return {
    at: performance.now(),
    cpu: await cpuSeconds(livekitPid),
    machine: await machineCpuSeconds(),
    layers: (await seller()).filter((l) => l.kind === "video"),
  };
}
type Sample = Awaited<ReturnType<typeof sample>>;

/** Per-second rates between two samples: CPU in % of one core, the seller's top layer in kbit/s. */
function rates(a: Sample, b: Sample) {
  const s = (b.at - a.at) / 1000;
  const top = a.layers.reduce((x, y) => (y.frameHeight > x.frameHeight ? y : x), a.layers[0]!);
  const topAfter = b.layers.find((l) => l.id === top?.id);
  return {
    cpu: (100 * (b.cpu - a.cpu)) / s,
    machine: (100 * (b.machine.busy - a.machine.busy)) / s,
    topKbps: top && topAfter ? (8 * (topAfter.bytesSent - top.bytesSent)) / s / 1000 : NaN,
  };
}

/** Runs the Go subscribers for `tokens`, sampling around their counting window. */
async function step(binary: string, url: string, tokens: string[], take: () => Promise<Sample>) {
  const child = new Deno.Command(binary, {
    args: ["-url", url, "-warmup", "5s", "-window", `${WINDOW_S}s`],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(tokens.join("\n") + "\n"));
  await writer.close();
  const stderr = new Response(child.stderr).text();
  let before: Sample | null = null;
  let result: SubscriberResult | null = null;
  let after: Sample | null = null;
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(splitLines());
  for await (const line of lines) {
    if (line === "counting") before = await take();
    else if (line.startsWith("{")) {
      after = await take();
      result = JSON.parse(line);
    }
  }
  const status = await child.status;
  if (!status.success || !result || !before || !after) {
    throw new Error(`the Go subscribers failed (exit ${status.code}):\n${(await stderr).slice(-2000)}`);
  }
  return { result, ...rates(before, after) };
}

function splitLines() {
  let rest = "";
  return new TransformStream<string, string>({
    transform(chunk, out) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      for (const p of parts) out.enqueue(p.trim());
    },
    flush(out) {
      if (rest) out.enqueue(rest.trim());
    },
  });
}

/**
 * The seller's published video as LiveKit sees it: its height, and a description such as
 * "1280×720, simulcast 320×180 + 640×360 + 1280×720".
 */
async function publishedVideo(client: RoomServiceClient, streamId: string) {
  for (let i = 0; i < 100; i++) {
    const tracks = (await client.listParticipants(roomName(streamId))).flatMap((p) => p.tracks);
    const video = tracks.find((t) => t.width > 0 && t.layers.length > 0);
    if (video) {
      const layers = video.layers.map((l) => `${l.width}×${l.height}`).join(" + ");
      const text = `${video.width}×${video.height}, ${video.simulcast ? "simulcast" : "one layer"} ${layers}`;
      return { height: video.height, text };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the seller's video never showed up in LiveKit's room");
}

const binary = await buildSubscribers();
const stack = await startStack();
const browser = await launchBrowser();
try {
  const { studio, streamId } = await liveSeller(browser, stack.appUrl);
  const client = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
  const published = await publishedVideo(client, streamId);
  const livekitPid = stack.livekit.pid();
  const take = () => sample(livekitPid, () => outboundLayers(studio));

  // Baseline: the seller alone, for as long as a step counts.
  const first = await take();
  await new Promise((resolve) => setTimeout(resolve, WINDOW_S * 1000));
  const alone = rates(first, await take());

  const pct = (x: number) => x.toFixed(1);
  const rows: (string | number)[][] = [
    [
      "0 (baseline)",
      "—",
      "—",
      `seller sends ${alone.topKbps.toFixed(0)}`,
      "—",
      pct(alone.cpu),
      "—",
      "—",
      pct(alone.machine),
    ],
  ];
  let held = 0;
  let heldTop = 0;
  let previous = 0;
  let failure = "";
  for (const n of STEPS) {
    const tokens = await viewerTokens(stack, streamId, `cap${n}`, n);
    const { result, cpu, machine, topKbps } = await step(binary, stack.livekit.url, tokens, take);
    const { video } = result;
    const lost = video.gaps - video.recovered;
    const lossRate = lost / Math.max(1, video.packets + lost);
    const kbps = (8 * video.bytes) / result.windowSeconds / 1000 / Math.max(1, result.videoTracks);
    const layers = Object.entries(result.heights).sort(([a], [b]) => Number(b) - Number(a));
    rows.push([
      n,
      `${result.joined}/${n} in ${result.joinSeconds.toFixed(1)} s`,
      `${pct(100 * lossRate)} % (${pct((100 * video.gaps) / Math.max(1, video.packets + video.gaps))} %)`,
      `${kbps.toFixed(0)} (${(kbps / topKbps).toFixed(2)}×)`,
      layers.map(([h, count]) => `${h === "0" ? "?" : `${h}p`}×${count}`).join(" "),
      pct(cpu),
      Math.max(0, (cpu - alone.cpu) / n).toFixed(2),
      pct((100 * result.cpuSeconds) / result.windowSeconds),
      pct(machine),
    ]);
    if (result.joined < n || result.videoTracks < n) {
      failure = `${n}: ${result.joined} of ${n} joined, ${result.videoTracks} received video ${
        result.errors?.[0] ?? ""
      }`;
    } else if (lossRate >= MAX_LOSS) failure = `${n}: ${pct(100 * lossRate)} % of video packets lost`;
    if (failure) break;
    held = n;
    // The published top layer holds up to the first step where some subscriber got less.
    if (heldTop === previous && result.heights[String(published.height)] === n) heldTop = n;
    previous = n;
  }

  printTable(
    `Subscriber capacity: one seller (${published.text}); light Go subscribers, the SFU picks their layer; ` +
      `${WINDOW_S} s windows`,
    [
      "subscribers",
      "joined",
      "video lost (before NACK)",
      "kbit/s each (× seller's top layer)",
      "layer received",
      "livekit-server CPU %",
      "CPU % per subscriber",
      "Go subscribers CPU %",
      "machine CPU % (of 200)",
    ],
    rows,
  );
  console.log(
    failure
      ? `\nHeld ${held} subscribers with < 1 % loss; failed at ${failure}.`
      : `\nHeld every step (up to ${held}) with < 1 % loss; try larger steps.`,
  );
  console.log(`Every subscriber got the full ${published.height}p layer up to ${heldTop || "no step"}.`);
} finally {
  await browser.close();
  await stack.stop();
}
