// What a replay's first play costs the server while it builds the take's seekable head
// (lib/replays/seekable.ts): time to first byte, the longest /healthz answer meanwhile (the
// event loop held) and the app's memory (RSS). The takes: a crafted one (a WebM start, then
// a megabyte of two-byte elements, as an outside attack sent it); a real start, then 50 MB
// of six-byte blocks; and an hour of real video (30 s that Chromium's MediaRecorder records
// of its synthetic camera and microphone, its clusters repeated on to an hour); each alone
// and ten played at once. Each case runs in an app process of its own (the API tests'
// in-process app, served over HTTP), so one case's memory is not the next one's.
//   deno run -A --unstable-bundle bench/replay_head.ts [a recording.webm to use instead, kept]
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { cat, cluster, emptyElements, tinyBlocks } from "@/tests/fixtures/webm.ts";
import { printTable } from "./bench_kit.ts";

const CASES = {
  "crafted take": { crafted: 1, tiny: 0, hours: 0 },
  "10 crafted takes at once": { crafted: 10, tiny: 0, hours: 0 },
  "50 MB of tiny blocks": { crafted: 0, tiny: 1, hours: 0 },
  "10 × 50 MB of tiny blocks at once": { crafted: 0, tiny: 10, hours: 0 },
  "an hour of real video": { crafted: 0, tiny: 0, hours: 1 },
  "10 hours of real video at once": { crafted: 0, tiny: 0, hours: 10 },
} as const;
type Case = keyof typeof CASES;

if (Deno.args[0] === "serve") await serve(Deno.args[1] as Case, Deno.args[2]!);
else await measureAll();

async function measureAll() {
  const recorded = Deno.args[0] ?? await Deno.makeTempFile({ suffix: ".webm" });
  try {
    if (!Deno.args[0]) await Deno.writeFile(recorded, await recordChromium(30_000));
    const rows = [];
    for (const name of Object.keys(CASES) as Case[]) rows.push([name, ...await measure(name, recorded)]);
    printTable(
      "A replay's first play, while its head is built",
      [
        "Case",
        "Take MB",
        "First byte ms",
        "/healthz max ms",
        "RSS before MB",
        "RSS peak MB",
        "RSS after 2 s MB",
      ],
      rows,
    );
  } finally {
    if (!Deno.args[0]) await Deno.remove(recorded);
  }
}

/** Plays the case's takes at once in a fresh app process, probing /healthz and its RSS meanwhile. */
async function measure(name: Case, recorded: string) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--unstable-bundle", import.meta.filename!, "serve", name, recorded],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  try {
    const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    const { url, paths, bytes } = JSON.parse((await lines.read()).value!);
    const rss = () =>
      Number(Deno.readTextFileSync(`/proc/${child.pid}/status`).match(/VmRSS:\s+(\d+)/)![1]) / 1024;
    const before = rss();
    let playing = true;
    let peak = before;
    let healthz = 0;
    const probes = (async () => {
      while (playing) {
        const t0 = performance.now();
        await (await fetch(`${url}/healthz`)).body?.cancel();
        healthz = Math.max(healthz, performance.now() - t0);
        peak = Math.max(peak, rss());
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const firstBytes = await Promise.all(paths.map(async (path: string) => {
      const res = await fetch(`${url}${path}`, { headers: { range: "bytes=0-10" } });
      const ms = performance.now() - t0;
      await res.body?.cancel();
      if (res.status !== 206) throw new Error(`${path}: ${res.status}`);
      return ms;
    }));
    playing = false;
    await probes;
    await new Promise((r) => setTimeout(r, 2_000));
    const mb = (n: number) => n.toFixed(0);
    return [
      (bytes / 1e6).toFixed(1),
      Math.max(...firstBytes).toFixed(0),
      healthz.toFixed(0),
      mb(before),
      mb(peak),
      mb(rss()),
    ];
  } finally {
    child.kill();
    await child.status;
  }
}

/** `ms` of Chromium's MediaRecorder over its synthetic camera and microphone, as the studio records. */
async function recordChromium(ms: number): Promise<Uint8Array> {
  const page = () => new Response("<title>Recording</title>", { headers: { "content-type": "text/html" } });
  await using server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, page);
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://localhost:${server.addr.port}/`);
    const bytes = await tab.evaluate(async (ms) => {
      const media = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      const recorder = new MediaRecorder(media, {
        mimeType: "video/webm;codecs=vp8,opus",
        videoBitsPerSecond: 1_000_000,
      });
      const parts: Blob[] = [];
      recorder.ondataavailable = (e) => parts.push(e.data);
      recorder.start(3_000);
      await new Promise((r) => setTimeout(r, ms));
      await new Promise((r) => (recorder.onstop = r, recorder.stop()));
      return [...new Uint8Array(await new Blob(parts).arrayBuffer())];
    }, ms);
    return new Uint8Array(bytes);
  } finally {
    await browser.close();
  }
}

/** The app with the case's takes recorded and its stream ended, served on a free port. */
async function serve(name: Case, recorded: string) {
  const { sellerWithStream, testApp } = await import("@/tests/api/client.ts");
  const app = await testApp({ MAX_REPLAY_MB_PER_SELLER: "100000" });
  const { seller, streamId } = await sellerWithStream(app);
  await seller.post(`/api/streams/${streamId}/live`);
  const takes = [];
  const { crafted, tiny, hours } = CASES[name];
  const real = await Deno.readFile(recorded);
  const files = [
    ...Array(crafted).fill(emptyElements()),
    ...Array(tiny).fill(tinyBlocksAfter(real)),
    ...Array(hours).fill(anHourOf(real)),
  ];
  for (const file of files) {
    const take =
      (await (await seller.post(`/api/streams/${streamId}/replay`, { type: "video/webm" })).json()).take.id;
    for (let part = 0, at = 0; at < file.length; part++, at += 2_000_000) {
      app.clock.advance(5_000); // no faster than the studio records
      const body = file.slice(at, at + 2_000_000);
      const res = await seller.request(`/api/streams/${streamId}/replay/${take}/${part}`, {
        method: "PUT",
        body,
      });
      if (res.status !== 200) throw new Error(`part ${part}: ${res.status} ${await res.text()}`);
    }
    await seller.post(`/api/streams/${streamId}/replay/${take}/complete`);
    takes.push({ id: take, bytes: file.length });
  }
  await seller.post(`/api/streams/${streamId}/end`);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.app.fetch);
  console.log(JSON.stringify({
    url: `http://127.0.0.1:${server.addr.port}`,
    paths: takes.map((t) => `/replays/${streamId}/${t.id}`),
    bytes: takes.reduce((n, t) => n + t.bytes, 0) / takes.length,
  }));
}

/** A real recording's start, then a cluster of 50 MB of the smallest SimpleBlocks. */
function tinyBlocksAfter(take: Uint8Array): Uint8Array<ArrayBuffer> {
  const start = take.subarray(0, take.indexOf(0x1f)); // Chromium's head holds no 0x1f before its first Cluster
  return cat(start, cluster(0, tinyBlocks(8_333_333)));
}

/**
 * A recording's clusters repeated, their Timecodes moved on each time, until it lasts an
 * hour: Chromium's Segment and Clusters have unknown sizes, so a Timecode may grow.
 */
function anHourOf(take: Uint8Array): Uint8Array<ArrayBuffer> {
  const clusters: { at: number; time: number; rest: number; end: number }[] = [];
  for (let at = 0; at < take.length;) {
    const idLength = Math.clz32(take[at]!) - 23;
    const id = take.subarray(at, at + idLength).reduce((n, b) => n * 256 + b, 0);
    const sizeLength = Math.clz32(take[at + idLength]!) - 23;
    const sizeBytes = take.subarray(at + idLength, at + idLength + sizeLength);
    const size = sizeBytes.reduce((n, b, i) => n * 256 + (i ? b : b & (0xff >> sizeLength)), 0);
    const dataAt = at + idLength + sizeLength;
    if (id === 0x1f43b675) clusters.push({ at, time: 0, rest: 0, end: take.length });
    if (id === 0xe7) {
      clusters.at(-1)!.time = take.subarray(dataAt, dataAt + size).reduce((n, b) => n * 256 + b, 0);
      clusters.at(-1)!.rest = dataAt + size;
    }
    at = id === 0x18538067 || id === 0x1f43b675 ? dataAt : dataAt + size;
  }
  clusters.forEach((c, i) => c.end = clusters[i + 1]?.at ?? take.length);
  const span = clusters.at(-1)!.time + 1_000;
  const parts: Uint8Array[] = [take.subarray(0, clusters[0]!.at)];
  for (let round = 0; round * span < 3_600_000; round++) {
    for (const c of clusters) {
      const time = new Uint8Array([0xe7, 0x84, 0, 0, 0, 0]);
      new DataView(time.buffer).setUint32(2, c.time + round * span);
      parts.push(take.subarray(c.at, c.at + 12), time, take.subarray(c.rest, c.end));
    }
  }
  return cat(...parts);
}
