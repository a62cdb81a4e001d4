// What the benchmarks share: percentiles and tables, a seller who calls the JSON API over
// plain HTTP with their session cookie or goes live from the studio, viewer tokens, and
// the app as it runs in production.
import type { Browser } from "playwright-core";
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
 * The app's environment for a production run on loopback: minified, precompressed bundles
 * (built first by `deno task build`) and production's own rules, with fresh secrets.
 */
export async function productionEnv(): Promise<Record<string, string>> {
  const build = await new Deno.Command(Deno.execPath(), {
    args: ["task", "build"],
    cwd: new URL("../", import.meta.url).pathname,
    stdout: "null",
    stderr: "inherit",
  }).output();
  if (!build.success) throw new Error("deno task build failed");
  const secret = [...crypto.getRandomValues(new Uint8Array(24))].map((b) => b.toString(16).padStart(2, "0"));
  return { APP_ENV: "production", APP_SECRET: secret.join("") };
}

/**
 * The stack with the app in production mode (productionEnv), with `env` added. Rate
 * limits are scaled out of the way: every client here shares one address.
 */
export async function startProductionStack(env: Record<string, string> = {}): Promise<Stack> {
  return await startStack({ appEnv: { ...await productionEnv(), RATE_LIMIT_SCALE: "100000", ...env } });
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

/** `count` tokens with the app's viewer grant, identities `<prefix>-<i>~vbench`. */
export async function viewerTokens(stack: Stack, streamId: string, prefix: string, count: number) {
  const keys = { apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret };
  return await Promise.all(Array.from(
    { length: count },
    (_, i) =>
      mintToken(keys, { identity: `${prefix}-${i}~vbench`, name: `Bench ${i}` }, viewerGrant(streamId)),
  ));
}
