// Starts the self-hosted KV Connect server, denokv (scripts/setup --scaleout builds it), on a
// free loopback port with a fresh access token: the one KV every app process shares. It
// serves an SQLite file, a new one in a temp folder unless the caller names one.
import { freePort } from "./ports.ts";
import { ChildProcess, REPO_ROOT, waitUntilReady } from "./process.ts";

export const DENOKV_BIN = `${REPO_ROOT}/.tools/bin/denokv`;

export interface DenoKvServer {
  /** http://127.0.0.1:PORT: KV_PATH for the app, Deno.openKv's argument. */
  url: string;
  /** The token clients send (Deno.openKv reads it from DENO_KV_ACCESS_TOKEN). */
  accessToken: string;
  /** The SQLite file it serves. */
  sqlitePath: string;
  /** Stops the server; the file stays until stop() of a temp file it made. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startDenokv(opts: { sqlitePath?: string } = {}): Promise<DenoKvServer> {
  try {
    await Deno.stat(DENOKV_BIN);
  } catch {
    throw new Error(`denokv is not installed at ${DENOKV_BIN}. Run scripts/setup --scaleout.`);
  }
  const tmp = opts.sqlitePath ? null : await Deno.makeTempDir({ prefix: "showfloor-denokv-" });
  const sqlitePath = opts.sqlitePath ?? `${tmp}/showfloor.sqlite`;
  const port = await freePort();
  const accessToken = Array.from(
    crypto.getRandomValues(new Uint8Array(16)),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
  const url = `http://127.0.0.1:${port}`;
  const child = new ChildProcess("denokv", DENOKV_BIN, {
    args: ["--sqlite-path", sqlitePath, "serve", "--addr", `127.0.0.1:${port}`],
    clearEnv: true,
    env: { DENO_KV_ACCESS_TOKEN: accessToken, PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin" },
  });
  await waitUntilReady(child, `denokv (${url})`, () => answers(url, accessToken), 15_000);
  let stopping: Promise<void> | null = null;
  return {
    url,
    accessToken,
    sqlitePath,
    stop: () =>
      stopping ??= child.stop().then(() =>
        tmp ? Deno.remove(tmp, { recursive: true }).catch(() => {}) : undefined
      ),
  };
}

/** True when KV Connect's metadata exchange answers with this token. */
async function answers(url: string, token: string): Promise<boolean> {
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ supportedVersions: [1, 2, 3] }),
    signal: AbortSignal.timeout(2_000),
  });
  await res.arrayBuffer();
  return res.ok;
}
