// What scaling out buys on this machine: the watch page's requests per second and the chat
// POST's latency with one app process on a local KV file (the baseline), one on denokv, and
// two on the same denokv (the load spread evenly over both, straight to each process). A real
// livekit-server takes the chat announcements in every case; all in one run.
//   deno run -A --unstable-bundle bench/scaleout.ts [seconds per measurement]
import { type AppServer, startApp } from "@/tests/e2e/harness/app.ts";
import { type DenoKvServer, startDenokv } from "@/tests/e2e/harness/denokv.ts";
import { type LivekitServer, startLivekit } from "@/tests/e2e/harness/livekit.ts";
import { percentile, signUpSeller } from "./bench_kit.ts";

const SECONDS = Number(Deno.args[0] ?? 10);
/** Concurrent clients: enough to keep two processes busy on two cores. */
const PAGE_CLIENTS = 16;
const CHAT_CLIENTS = 8;

interface Row {
  setup: string;
  pagesPerSecond: number;
  chat: number[];
}

/** A guest's cookie, from opening the watch page as a browser does. */
async function guestCookie(watchUrl: string): Promise<string> {
  const res = await fetch(watchUrl);
  await res.body?.cancel();
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** Runs `clients` loops of `request` against the processes in turn until `seconds` pass. */
async function load(urls: string[], clients: number, request: (url: string, i: number) => Promise<void>) {
  const until = performance.now() + SECONDS * 1000;
  const times: number[] = [];
  await Promise.all(Array.from({ length: clients }, async (_, i) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await request(urls[i % urls.length]!, i);
      times.push(performance.now() - t0);
    }
  }));
  return times.sort((a, b) => a - b);
}

async function measure(setup: string, apps: AppServer[]): Promise<Row> {
  const urls = apps.map((a) => a.url);
  const seller = await signUpSeller(urls[0]!);
  const { stream } = await seller.call<{ stream: { id: string } }>("POST", "/api/streams", {
    title: "Bench stream",
    description: "",
  });
  const cookies = await Promise.all(
    Array.from({ length: CHAT_CLIENTS }, () => guestCookie(`${urls[0]}/watch/${stream.id}`)),
  );
  const pages = await load(urls, PAGE_CLIENTS, async (url, i) => {
    const res = await fetch(`${url}/watch/${stream.id}`, {
      headers: { cookie: cookies[i % cookies.length]! },
    });
    if (res.status !== 200) throw new Error(`watch page: ${res.status}`);
    await res.body?.cancel();
  });
  const chat = await load(urls, CHAT_CLIENTS, async (url, i) => {
    const res = await fetch(`${url}/api/streams/${stream.id}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies[i]! },
      body: JSON.stringify({ text: `bench ${i} ${performance.now()}` }),
    });
    if (res.status !== 201) throw new Error(`chat: ${res.status} ${await res.text()}`);
    await res.body?.cancel();
  });
  return { setup, pagesPerSecond: pages.length / SECONDS, chat };
}

async function withApps<T>(
  count: number,
  livekit: LivekitServer,
  kv: DenoKvServer | null,
  fn: (apps: AppServer[]) => Promise<T>,
): Promise<T> {
  // Rate limits out of the way: a handful of clients stand in for a crowd.
  const env: Record<string, string> = { RATE_LIMIT_SCALE: "1000000" };
  if (kv) Object.assign(env, { KV_PATH: kv.url, DENO_KV_ACCESS_TOKEN: kv.accessToken });
  const apps: AppServer[] = [];
  try {
    for (let i = 0; i < count; i++) apps.push(await startApp({ livekit, env }));
    return await fn(apps);
  } finally {
    for (const app of apps) await app.stop();
  }
}

const livekit = await startLivekit();
const rows: Row[] = [];
try {
  rows.push(await withApps(1, livekit, null, (apps) => measure("1 process, local KV file", apps)));
  for (const count of [1, 2]) {
    const kv = await startDenokv();
    try {
      rows.push(
        await withApps(
          count,
          livekit,
          kv,
          (apps) => measure(`${count} process${count > 1 ? "es" : ""}, denokv`, apps),
        ),
      );
    } finally {
      await kv.stop();
    }
  }
} finally {
  await livekit.stop();
}

const base = rows[0]!;
console.log(
  `\n${SECONDS} s each; ${PAGE_CLIENTS} page clients, ${CHAT_CLIENTS} chat clients; baseline: ${base.setup}\n`,
);
console.log(
  "| setup | watch pages/s | vs baseline | chat POSTs/s | chat p50 ms | chat p95 ms | p95 vs baseline |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of rows) {
  const p95 = percentile(row.chat, 95);
  console.log(
    `| ${row.setup} | ${row.pagesPerSecond.toFixed(0)} | ${
      (row.pagesPerSecond / base.pagesPerSecond).toFixed(2)
    }× | ${(row.chat.length / SECONDS).toFixed(0)} | ${percentile(row.chat, 50).toFixed(1)} | ${
      p95.toFixed(1)
    } | ${(p95 / percentile(base.chat, 95)).toFixed(2)}× |`,
  );
}
