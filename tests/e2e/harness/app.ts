// Starts the Showfloor app (main.ts) as its own process, the way it runs in
// production, with a throw-away Deno KV file.
import { freePort } from "./ports.ts";
import { ChildProcess, cleanEnv, httpAnswers, REPO_ROOT, waitUntilReady } from "./process.ts";

export interface AppOptions {
  livekit: { url: string; apiKey: string; apiSecret: string };
  /** Port to listen on (default: a free one). */
  port?: number;
  /** How long to wait for GET /healthz to return 200 (default 60 s; the first start bundles islands). */
  timeoutMs?: number;
  /** Extra environment variables, applied last. */
  env?: Record<string, string>;
}

export interface AppServer {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  port: number;
  /** The Deno KV file this instance uses (deleted by stop()). */
  kvPath: string;
  logs(): string;
  /** Stops the app, waits for it to exit, deletes its KV file. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startApp(opts: AppOptions): Promise<AppServer> {
  const port = opts.port ?? await freePort();
  const tmp = await Deno.makeTempDir({ prefix: "showfloor-e2e-" });
  const kvPath = `${tmp}/showfloor.kv`;

  const env: Record<string, string> = {
    // The caller's own app settings must not leak into the test server.
    ...cleanEnv(/^(LIVEKIT_|APP_|KV_PATH$|DATA_DIR$|PORT$|HOSTNAME$|RATE_LIMIT_SCALE$|TRUSTED_PROXIES$)/),
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    KV_PATH: kvPath,
    DATA_DIR: tmp,
    LIVEKIT_URL: opts.livekit.url,
    LIVEKIT_API_KEY: opts.livekit.apiKey,
    LIVEKIT_API_SECRET: opts.livekit.apiSecret,
    APP_ENV: "test",
    NO_COLOR: "1",
    // Every browser in these tests comes from 127.0.0.1, one address: limits per address
    // are sized for one household or venue, not a whole test run (tests/api holds them).
    RATE_LIMIT_SCALE: "50",
    ...opts.env,
  };

  let child: ChildProcess;
  try {
    child = new ChildProcess("app", Deno.execPath(), {
      args: ["run", "-A", "--unstable-bundle", "main.ts"],
      cwd: REPO_ROOT,
      clearEnv: true,
      env,
    });
  } catch (error) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    throw error;
  }

  const url = `http://127.0.0.1:${port}`;
  const removeTmp = () => Deno.remove(tmp, { recursive: true }).catch(() => {});
  try {
    await waitUntilReady(
      child,
      `app (${url})`,
      () => httpAnswers(`${url}/healthz`, 200),
      opts.timeoutMs ?? 60_000,
    );
  } catch (error) {
    await removeTmp();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    kvPath,
    logs: () => child.logs(),
    stop: () => stopping ??= child.stop().then(removeTmp),
  };
}
