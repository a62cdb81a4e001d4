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
  /** The running process's id (it changes with restart()). */
  pid(): number;
  logs(): string;
  /** Sends `signal` (default SIGKILL: no goodbye) and waits for the process to exit; the KV file stays. */
  kill(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
  /** Starts the app again (after kill()) on the same port and KV file, with `env` added this time. */
  restart(env?: Record<string, string>): Promise<void>;
  /** Stops the app, waits for it to exit, deletes its KV file. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startApp(opts: AppOptions): Promise<AppServer> {
  const port = opts.port ?? await freePort();
  const tmp = await Deno.makeTempDir({ prefix: "showfloor-e2e-" });
  const kvPath = `${tmp}/showfloor.kv`;

  const env: Record<string, string> = {
    // The caller's own app settings must not leak into the test server.
    ...cleanEnv(
      /^(LIVEKIT_|APP_|KV_PATH$|DATA_DIR$|PORT$|HOSTNAME$|RATE_LIMIT_SCALE$|TRUSTED_PROXIES$|FAULT_)/,
    ),
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
  const url = `http://127.0.0.1:${port}`;
  const removeTmp = () => Deno.remove(tmp, { recursive: true }).catch(() => {});

  const launch = async (more: Record<string, string>) => {
    const child = new ChildProcess("app", Deno.execPath(), {
      args: ["run", "-A", "--unstable-bundle", "main.ts"],
      cwd: REPO_ROOT,
      clearEnv: true,
      env: { ...env, ...more },
    });
    await waitUntilReady(
      child,
      `app (${url})`,
      () => httpAnswers(`${url}/healthz`, 200),
      opts.timeoutMs ?? 60_000,
    );
    return child;
  };

  let child: ChildProcess;
  try {
    child = await launch({});
  } catch (error) {
    await removeTmp();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    kvPath,
    pid: () => child.pid,
    logs: () => child.logs(),
    async kill(signal = "SIGKILL") {
      child.killNow(signal);
      const status = await child.status;
      await child.stop();
      return status;
    },
    async restart(more = {}) {
      if (!child.exited) throw new Error("restart() follows kill(): the app is still running");
      child = await launch(more);
    },
    stop: () => stopping ??= child.stop().then(removeTmp),
  };
}
