// Soak: a seller live from the studio, 20 viewers in the room, 2 chat messages a second
// plus reactions, and a highlight change every 10 s, for as long as asked. Every 30 s it
// samples the app's memory (RSS), the KV file's size and the outbox's depth, and prints
// them as a table: memory must be flat once warmed up, and the outbox near empty. The
// first sample is the baseline the others are compared with.
//   deno run -A --unstable-bundle bench/soak.ts [duration: 30m, 2m, 90s]
import type { Page } from "playwright-core";
import { mintToken, viewerGrant } from "@/lib/livekit/tokens.ts";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { installLivekitClient } from "@/tests/e2e/harness/livekit_client.ts";
import { startStack } from "@/tests/e2e/harness/stack.ts";
import { createStreamAsSeller, goLive } from "@/tests/e2e/live_flow.ts";

const DURATION_MS = parseDuration(Deno.args[0] ?? "2m");
const VIEWERS = 20;
const SAMPLE_MS = 30_000;

function parseDuration(text: string): number {
  const match = text.match(/^(\d+)(s|m)?$/);
  if (!match) throw new Error(`duration: "30m", "2m" or "90s", not ${text}`);
  return Number(match[1]) * (match[2] === "m" ? 60_000 : 1_000);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A viewer over plain HTTP: the watch page's guest cookie, then the JSON API. */
async function guest(appUrl: string, streamId: string) {
  const page = await fetch(`${appUrl}/watch/${streamId}`);
  await page.body?.cancel();
  const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return async (path: string, body: unknown) => {
    const res = await fetch(`${appUrl}/api/streams/${streamId}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: appUrl },
      body: JSON.stringify(body),
    });
    await res.body?.cancel();
    return res.status;
  };
}

async function rssMb(pid: number): Promise<number> {
  const status = await Deno.readTextFile(`/proc/${pid}/status`);
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
}

async function kvMb(path: string): Promise<number> {
  let bytes = 0;
  for (const suffix of ["", "-wal", "-shm"]) {
    bytes += (await Deno.stat(path + suffix).catch(() => null))?.size ?? 0;
  }
  return bytes / 1_000_000;
}

/** 20 subscribers in one page, each counting the chat messages it receives. */
async function joinViewers(page: Page, url: string, tokens: string[]): Promise<void> {
  await page.evaluate(async ({ url, tokens }) => {
    const w = globalThis as unknown as { LK: typeof import("livekit-client"); chats: number[] };
    w.chats = tokens.map(() => 0);
    for (const [i, token] of tokens.entries()) {
      const room = new w.LK.Room();
      room.on(w.LK.RoomEvent.DataReceived, (_p, _f, _k, topic) => void (topic === "chat" && w.chats[i]!++));
      await room.connect(url, token);
    }
  }, { url, tokens });
}

const stack = await startStack();
const browser = await launchBrowser();
try {
  const { studio, streamId } = await createStreamAsSeller(browser, stack.appUrl);
  await goLive(studio);
  const products = await Promise.all(["Shirt", "Scarf", "Hat"].map((name) =>
    studio.evaluate(async (name) => {
      const res = await fetch("/api/products", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, priceMinor: 4900, currency: "EUR", stock: 1000 }),
      });
      return (await res.json()).product.id as string;
    }, name)
  ));
  const seller = (method: string, path: string, body: unknown) =>
    studio.evaluate(async ([method, path, body]) => {
      const res = await fetch(path as string, {
        method: method as string,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return res.status;
    }, [method, path, body] as const);
  await seller("PUT", `/api/streams/${streamId}/pins`, { productIds: products });

  const keys = { apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret };
  const tokens = await Promise.all(
    Array.from(
      { length: VIEWERS },
      (_, i) => mintToken(keys, { identity: `soak-${i}~vbench`, name: `Soak ${i}` }, viewerGrant(streamId)),
    ),
  );
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${stack.appUrl}/healthz`);
  await installLivekitClient(page);
  await joinViewers(page, stack.livekit.url, tokens);
  const guests = await Promise.all(Array.from({ length: VIEWERS }, () => guest(stack.appUrl, streamId)));

  const kv = await Deno.openKv(stack.app.kvPath);
  const refused: Record<number, number> = {};
  let chats = 0;
  const count = (status: number) => status >= 400 && (refused[status] = (refused[status] ?? 0) + 1);
  // Every request still out when the time is up is waited for, before the browser closes.
  const inFlight: Promise<unknown>[] = [];
  const send = (request: Promise<number>, then: (status: number) => unknown) =>
    inFlight.push(request.then(then));
  const start = Date.now();
  const load = (async () => {
    for (let tick = 0; Date.now() - start < DURATION_MS; tick++) {
      const who = guests[tick % VIEWERS]!;
      // Every half second: one chat line and a reaction; every 10 s a new highlight.
      send(who("/chat", { text: `soak message ${tick}` }), (s) => (count(s), s === 201 && chats++));
      send(guests[(tick + 7) % VIEWERS]!("/reactions", { emoji: "❤️" }), count);
      if (tick % 20 === 0) {
        send(
          seller("PUT", `/api/streams/${streamId}/highlight`, { productId: products[(tick / 20) % 3] }),
          count,
        );
      }
      await sleep(Math.max(0, start + (tick + 1) * 500 - Date.now()));
    }
  })();

  console.log(
    `\nSoak: ${VIEWERS} viewers, 2 chat/s + reactions, a highlight every 10 s, for ${
      DURATION_MS / 60_000
    } min\n`,
  );
  console.log(
    "|  time | app RSS (MB) | vs first | KV (MB) | outbox depth | chat sent | chat heard (min/max) |",
  );
  console.log(
    "|-------|--------------|----------|---------|--------------|-----------|----------------------|",
  );
  let first = 0;
  for (let t = 0; t <= DURATION_MS; t += SAMPLE_MS) {
    await sleep(Math.max(0, start + t - Date.now()));
    const rss = await rssMb(stack.app.pid());
    first ||= rss;
    const depth = (await Array.fromAsync(kv.list({ prefix: ["outbox"] }))).length;
    const heard = await page.evaluate(() => (globalThis as unknown as { chats: number[] }).chats);
    console.log(
      `| ${(t / 60_000).toFixed(1).padStart(5)} | ${rss.toFixed(1).padStart(12)} | ${
        (rss / first).toFixed(2).padStart(7)
      }x | ${(await kvMb(stack.app.kvPath)).toFixed(2).padStart(7)} | ${String(depth).padStart(12)} | ${
        String(chats).padStart(9)
      } | ${`${Math.min(...heard)}/${Math.max(...heard)}`.padStart(20)} |`,
    );
  }
  await load;
  await Promise.allSettled(inFlight);
  kv.close();
  console.log(`\nrefused requests by status: ${JSON.stringify(refused)}`);
  if (Object.keys(refused).some((status) => Number(status) >= 500)) {
    console.log("The app's errors:");
    for (const line of stack.app.logs().split("\n").filter((l) => /error/i.test(l)).slice(-20)) {
      console.log(line);
    }
  }
} finally {
  await browser.close();
  await stack.stop();
}
