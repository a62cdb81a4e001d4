// Chat fan-out: one sender (the seller, from Deno) POSTs chat messages at a steady rate
// into a room with 20 subscribers; each subscriber notes when every message arrives.
// Prints p50/p95 from POST to receipt and the messages lost (must be 0). Baselines from
// the same run: the POST round trip alone, and a reliable data message published
// straight into the room by a client (no app, no KV, no server API) to receipt.
// Subscribers are 20 LiveKit Rooms in one Chromium page, so 2 cores can hold them.
//   deno run -A --unstable-bundle bench/chat_fanout.ts [messages] [per-second]
import type { Page } from "playwright-core";
import { mintToken, viewerGrant } from "@/lib/livekit/tokens.ts";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { installLivekitClient } from "@/tests/e2e/harness/livekit_client.ts";
import { startStack } from "@/tests/e2e/harness/stack.ts";
import { percentile, signUpSeller } from "./bench_kit.ts";

const MESSAGES = Number(Deno.args[0] ?? 1000);
const RATE = Number(Deno.args[1] ?? 50);
const SUBSCRIBERS = 20;

type LK = typeof import("livekit-client");
interface BenchWindow {
  LK: LK;
  /** Per subscriber: message id → receipt time (ms since the epoch). */
  received: Record<string, number>[];
  /** Direct baseline: message id → publish time. */
  published: Record<string, number>;
  publisher: import("livekit-client").Room;
}

const now = () => performance.timeOrigin + performance.now();
const sleepUntil = (t: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - now())));

/** Latencies from each send to each subscriber's receipt, and how many receipts are missing. */
function fanout(sent: Map<string, number>, received: Record<string, number>[]) {
  const latencies: number[] = [];
  let lost = 0;
  for (const [id, at] of sent) {
    for (const r of received) {
      const got = r[id];
      if (got === undefined) lost++;
      else latencies.push(got - at);
    }
  }
  return { latencies: latencies.sort((a, b) => a - b), lost };
}

/** Waits for every receipt (or 10 s), then takes them and clears them for the next run. */
async function settle(page: Page, sent: Map<string, number>) {
  const receipts = () => page.evaluate(() => (globalThis as unknown as BenchWindow).received);
  const deadline = now() + 10_000;
  while (now() < deadline && fanout(sent, await receipts()).lost > 0) await sleepUntil(now() + 200);
  const result = fanout(sent, await receipts());
  await page.evaluate(() =>
    (globalThis as unknown as BenchWindow).received.forEach((r) => {
      for (const k of Object.keys(r)) delete r[k];
    })
  );
  return result;
}

const stack = await startStack();
const browser = await launchBrowser();
try {
  // The seller, over plain HTTP: sign up, create the stream.
  const seller = await signUpSeller(stack.appUrl);
  const { stream } = await seller.call<{ stream: { id: string } }>("POST", "/api/streams", {
    title: "Chat fan-out bench",
  });

  // 20 subscribers and one direct publisher, each a Room in one page.
  const keys = { apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret };
  // The baseline's publisher (bench-0) may publish data, which no viewer token allows.
  const grant = (i: number) => ({ ...viewerGrant(stream.id), canPublishData: i === 0 });
  const tokens = await Promise.all(
    Array.from(
      { length: SUBSCRIBERS + 1 },
      (_, i) => mintToken(keys, { identity: `bench-${i}`, name: `Bench ${i}` }, grant(i)),
    ),
  );
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${stack.appUrl}/healthz`);
  await installLivekitClient(page);
  await page.evaluate(async ({ url, tokens }) => {
    const w = globalThis as unknown as BenchWindow;
    const clock = () => performance.timeOrigin + performance.now();
    const [publisherToken, ...subscriberTokens] = tokens;
    w.received = subscriberTokens.map(() => ({}));
    w.published = {};
    w.publisher = new w.LK.Room();
    const rooms = subscriberTokens.map((_, i) => {
      const room = new w.LK.Room();
      room.on(w.LK.RoomEvent.DataReceived, (payload, _from, _kind, topic) => {
        if (topic !== "chat" && topic !== "bench") return;
        w.received[i]![JSON.parse(new TextDecoder().decode(payload)).id] = clock();
      });
      return room;
    });
    for (const [i, room] of rooms.entries()) await room.connect(url, subscriberTokens[i]!);
    await w.publisher.connect(url, publisherToken!);
  }, { url: stack.livekit.url, tokens });

  // Baseline: the same number of messages, same rate, published by a client in the room.
  await page.evaluate(async ({ count, rate }) => {
    const w = globalThis as unknown as BenchWindow;
    const clock = () => performance.timeOrigin + performance.now();
    const start = clock();
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - clock())));
      const id = `direct-${i}`;
      const text = `bench message ${i}`;
      w.published[id] = clock();
      const bytes = new TextEncoder().encode(JSON.stringify({ id, text }));
      await w.publisher.localParticipant.publishData(bytes, { reliable: true, topic: "bench" });
    }
  }, { count: MESSAGES, rate: RATE });
  const published = await page.evaluate(() => (globalThis as unknown as BenchWindow).published);
  const direct = await settle(page, new Map(Object.entries(published)));

  // The measure: the seller POSTs chat messages at a steady rate, without waiting for answers.
  const posted = new Map<string, number>();
  const roundTrips: number[] = [];
  const start = now();
  const posts = [];
  for (let i = 0; i < MESSAGES; i++) {
    await sleepUntil(start + (i * 1000) / RATE);
    const sentAt = now();
    posts.push(
      seller.call<{ message: { id: string } }>("POST", `/api/streams/${stream.id}/chat`, {
        text: `bench message ${i}`,
      }).then(({ message }) => {
        roundTrips.push(now() - sentAt);
        posted.set(message.id, sentAt);
      }),
    );
  }
  await Promise.all(posts);
  const sendSeconds = (now() - start) / 1000;
  const chat = await settle(page, posted);
  roundTrips.sort((a, b) => a - b);

  const row = (name: string, xs: number[], lost: number | string) =>
    `| ${name.padEnd(44)} | ${percentile(xs, 50).toFixed(1).padStart(7)} | ${
      percentile(xs, 95).toFixed(1).padStart(7)
    } | ${String(lost).padStart(6)} |`;
  console.log(
    `\nChat fan-out: ${MESSAGES} messages at ${RATE}/s (sent in ${sendSeconds.toFixed(1)} s), ` +
      `${SUBSCRIBERS} subscribers, ${MESSAGES * SUBSCRIBERS} receipts expected a run (ms)\n`,
  );
  console.log(
    `| ${"measure".padEnd(44)} | ${"p50".padStart(7)} | ${"p95".padStart(7)} | ${"lost".padStart(6)} |`,
  );
  console.log(`|${"-".repeat(46)}|${"-".repeat(9)}|${"-".repeat(9)}|${"-".repeat(8)}|`);
  console.log(row("POST round trip alone (baseline)", roundTrips, "—"));
  console.log(row("client publishData → receipt (baseline)", direct.latencies, direct.lost));
  console.log(row("chat POST → receipt", chat.latencies, chat.lost));
  console.log(
    `\nchat over direct publish: p50 ${
      (percentile(chat.latencies, 50) / percentile(direct.latencies, 50)).toFixed(2)
    }x, p95 ${(percentile(chat.latencies, 95) / percentile(direct.latencies, 95)).toFixed(2)}x`,
  );
  if (chat.lost > 0) Deno.exitCode = 1;
} finally {
  await browser.close();
  await stack.stop();
}
