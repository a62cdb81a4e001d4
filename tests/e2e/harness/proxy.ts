// Starts Caddy (Debian's, as in self-hosting) in front of several app processes and LiveKit
// nodes, from the repository's own Caddyfile (the public origin: pages, API and LiveKit's
// signalling) and Caddyfile.internal (the balancer for LiveKit's API and its webhooks), with
// the upstreams in their environment as docker-compose.yml gives them. Only the listeners
// move to loopback, and the admin API is off.
import { createHmac } from "node:crypto";
import { freePort } from "./ports.ts";
import { ChildProcess, REPO_ROOT, waitUntilReady } from "./process.ts";

export interface ProxyOptions {
  /** The app processes' ports. */
  apps: number[];
  /** The LiveKit nodes' HTTP ports. */
  livekitNodes: number[];
  /** Ports chosen beforehand (LiveKit's webhook URL and the apps' LiveKit URL name them); free ones otherwise. */
  publicPort?: number;
  balancerPort?: number;
}

export interface Proxy {
  /** http://127.0.0.1:PORT: the origin browsers use (ws:// on it is LiveKit's signalling). */
  url: string;
  /** http://127.0.0.1:PORT: LiveKit's API for the apps, and where LiveKit sends webhooks. */
  balancerUrl: string;
  /** The sticky-session cookie that sends a browser to the app on `port` while it is up. */
  stickTo(port: number): { name: string; value: string };
  logs(): string;
  stop(): Promise<void>;
}

/** The cookie the Caddyfile's `lb_policy cookie` sets: HMAC-SHA256 of the upstream, keyed with its (empty) secret. */
const COOKIE = "sf_upstream";

export async function startProxy(opts: ProxyOptions): Promise<Proxy> {
  const publicPort = opts.publicPort ?? await freePort();
  const balancerPort = opts.balancerPort ?? await freePort();
  const upstreams = (ports: number[]) => ports.map((p) => `127.0.0.1:${p}`).join(" ");
  const env = {
    DOMAIN: `http://127.0.0.1:${publicPort}`,
    BALANCER_PORT: String(balancerPort),
    APP_PROCESSES: upstreams(opts.apps),
    LIVEKIT_NODES: upstreams(opts.livekitNodes),
  };
  const servers = {
    public: await adaptedServer("Caddyfile", env, publicPort),
    balancer: await adaptedServer("Caddyfile.internal", env, balancerPort),
  };
  const config = { admin: { disabled: true }, apps: { http: { servers } } };
  const tmp = await Deno.makeTempDir({ prefix: "showfloor-caddy-" });
  await Deno.writeTextFile(`${tmp}/caddy.json`, JSON.stringify(config));
  const child = new ChildProcess("caddy", "caddy", {
    args: ["run", "--config", `${tmp}/caddy.json`],
    clearEnv: true,
    env: {
      HOME: tmp,
      XDG_DATA_HOME: tmp,
      XDG_CONFIG_HOME: tmp,
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    },
  });
  const url = `http://127.0.0.1:${publicPort}`;
  await waitUntilReady(child, `caddy (${url})`, () => listening(publicPort), 15_000);
  let stopping: Promise<void> | null = null;
  return {
    url,
    balancerUrl: `http://127.0.0.1:${balancerPort}`,
    stickTo: (port) => ({
      name: COOKIE,
      value: createHmac("sha256", "").update(`127.0.0.1:${port}`).digest("hex"),
    }),
    logs: () => child.logs(),
    stop: () => stopping ??= child.stop().then(() => Deno.remove(tmp, { recursive: true }).catch(() => {})),
  };
}

/** The JSON config `caddy adapt` makes of one of the repository's Caddyfiles with `env`. */
export async function adaptCaddyfile(file: string, env: Record<string, string>): Promise<CaddyConfig> {
  const out = await new Deno.Command("caddy", {
    args: ["adapt", "--config", `${REPO_ROOT}/${file}`, "--adapter", "caddyfile"],
    clearEnv: true,
    env: { ...env, PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(`caddy adapt ${file} failed:\n${new TextDecoder().decode(out.stderr)}`);
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

interface CaddyConfig {
  apps: { http: { servers: Record<string, { listen: string[] }> } };
}

/** The one server a Caddyfile defines, listening on 127.0.0.1:port only. */
async function adaptedServer(file: string, env: Record<string, string>, port: number): Promise<unknown> {
  const adapted = await adaptCaddyfile(file, env);
  const servers = Object.values(adapted.apps.http.servers) as { listen: string[] }[];
  if (servers.length !== 1) throw new Error(`${file} defines ${servers.length} servers, not one`);
  return { ...servers[0], listen: [`127.0.0.1:${port}`] };
}

/** True once something accepts TCP connections on the port (the upstreams may not be up yet). */
async function listening(port: number): Promise<boolean> {
  (await Deno.connect({ hostname: "127.0.0.1", port })).close();
  return true;
}
