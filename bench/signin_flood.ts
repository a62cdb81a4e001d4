// Does a sign-in flood stall everyone else? /healthz latency while 40 clients send wrong
// passwords as fast as they can, against the same server quiet, in one run. Twice: with
// the rate limits as shipped (the flood is mostly refused with 429 at once), and with them
// scaled out of the way (every request hashes a password: what the hashing costs alone).
//   deno run -A --unstable-bundle bench/signin_flood.ts [seconds]
import { startApp } from "@/tests/e2e/harness/app.ts";
import { percentile, signUpSeller } from "./bench_kit.ts";

const SECONDS = Number(Deno.args[0] ?? 10);
const FLOODERS = 40;
// The app needs no LiveKit for sign-ins or /healthz; nothing listens here.
const livekit = {
  url: "ws://127.0.0.1:9",
  apiKey: "devkey",
  apiSecret: "bench-secret-that-is-long-enough-000000",
};

async function healthz(url: string, until: number): Promise<number[]> {
  const times: number[] = [];
  while (performance.now() < until) {
    const t0 = performance.now();
    await (await fetch(`${url}/healthz`)).body?.cancel();
    times.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return times.sort((a, b) => a - b);
}

async function flood(url: string, until: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  await Promise.all(Array.from({ length: FLOODERS }, async (_, i) => {
    while (performance.now() < until) {
      const res = await fetch(`${url}/api/auth/signin`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        // A new email each time, so every request reaches the password check (no account lockout).
        body: JSON.stringify({ email: `bench${i}-${Math.random()}@example.com`, password: "wrong" }),
      });
      await res.body?.cancel();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }));
  return statuses;
}

async function measure(label: string, env: Record<string, string>) {
  const app = await startApp({ livekit, env });
  try {
    await signUpSeller(app.url);
    const quiet = await healthz(app.url, performance.now() + SECONDS * 1000);
    const end = performance.now() + SECONDS * 1000;
    const [loaded, statuses] = await Promise.all([healthz(app.url, end), flood(app.url, end)]);
    const row = (name: string, t: number[]) =>
      `${label.padEnd(22)} ${name.padEnd(26)} ${percentile(t, 50).toFixed(1).padStart(8)} ${
        percentile(t, 95).toFixed(1).padStart(8)
      }`;
    console.log(row("/healthz, quiet", quiet));
    console.log(row(`/healthz, ${FLOODERS} bad sign-ins`, loaded));
    console.log(
      `${"".padEnd(22)} p95 ratio flood/quiet: ${
        (percentile(loaded, 95) / percentile(quiet, 95)).toFixed(2)
      }×; sign-in answers: ${[...statuses].map(([s, n]) => `${n}×${s}`).join(", ")}`,
    );
  } finally {
    await app.stop();
  }
}

console.log(`${"limits".padEnd(22)} ${"what".padEnd(26)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
// The harness scales limits up for tests that share one address; "1" is as shipped.
await measure("as shipped", { RATE_LIMIT_SCALE: "1" });
await measure("scaled out of the way", { RATE_LIMIT_SCALE: "100000" });
