// What the benchmarks share: percentiles, and a seller who calls the JSON API over plain
// HTTP with their session cookie.

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
