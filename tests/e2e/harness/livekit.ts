// Starts a real livekit-server (the one scripts/setup installs) on free
// loopback ports, configured from the repository's livekit.yaml.
import { parse, stringify } from "yaml";
import { freePort, freeUdpPort } from "./ports.ts";
import { ChildProcess, httpAnswers, REPO_ROOT, waitUntilReady } from "./process.ts";

export const LIVEKIT_BIN = `${REPO_ROOT}/.tools/bin/livekit-server`;
export const LIVEKIT_CONFIG = `${REPO_ROOT}/livekit.yaml`;

export interface LivekitOptions {
  /** Where LiveKit POSTs webhooks; omit for none. */
  webhookUrl?: string;
  /** API key (default "devkey"). */
  apiKey?: string;
  /** Its secret (default: random per server; the nodes of one cluster share theirs). */
  apiSecret?: string;
  /** How long to wait for the server to answer HTTP (default 15 s). */
  timeoutMs?: number;
  /** Extra settings deep-merged over livekit.yaml (after the port overrides). */
  config?: Record<string, unknown>;
  /** Ports already promised to someone else (e.g. the app's), never picked. */
  avoidPorts?: number[];
}

export interface LivekitServer {
  /** ws://127.0.0.1:PORT, for livekit-client and as LIVEKIT_URL. */
  url: string;
  /** http://127.0.0.1:PORT, for RoomServiceClient and friends. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  ports: { http: number; rtcTcp: number; rtcUdp: number };
  /** The running process's id (it changes with restart()), for benchmarks that read /proc. */
  pid(): number;
  /** Everything the server printed so far. */
  logs(): string;
  /** The node id it logged at start-up (LiveKit picks a new one each start). */
  nodeId(): string;
  /** Stops the server and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same ports with the same keys: a server restart. */
  restart(): Promise<void>;
}

export async function startLivekit(
  opts: LivekitOptions = {},
): Promise<LivekitServer> {
  try {
    await Deno.stat(LIVEKIT_BIN);
  } catch {
    throw new Error(
      `livekit-server is not installed at ${LIVEKIT_BIN}. Run scripts/setup (it builds livekit-server v1.13.5 with go install).`,
    );
  }
  const base = parse(await Deno.readTextFile(LIVEKIT_CONFIG)) as Record<
    string,
    unknown
  >;
  // A port picked free can be taken before the server binds it; retry then.
  for (let attempt = 1;; attempt++) {
    try {
      return await startOnce(base, opts);
    } catch (error) {
      if (attempt < 3 && /address already in use/i.test(String(error))) {
        continue;
      }
      throw error;
    }
  }
}

async function startOnce(
  base: Record<string, unknown>,
  opts: LivekitOptions,
): Promise<LivekitServer> {
  const apiKey = opts.apiKey ?? "devkey";
  const apiSecret = opts.apiSecret ?? randomSecret();
  const taken = new Set(opts.avoidPorts ?? []);
  const pick = async (next: () => Promise<number>) => {
    let port = await next();
    while (taken.has(port)) port = await next();
    taken.add(port);
    return port;
  };
  const http = await pick(freePort);
  const rtcTcp = await pick(freePort);
  const rtcUdp = await pick(freeUdpPort);

  const config = structuredClone(base);
  config.port = http;
  config.bind_addresses = ["127.0.0.1"];
  const rtc = { ...(config.rtc as Record<string, unknown> ?? {}) };
  rtc.tcp_port = rtcTcp;
  rtc.udp_port = rtcUdp;
  config.rtc = rtc;
  config.webhook = opts.webhookUrl
    ? { api_key: apiKey, urls: [opts.webhookUrl] }
    : { api_key: apiKey, urls: [] };
  if (opts.config) deepMerge(config, opts.config);

  const httpUrl = `http://127.0.0.1:${http}`;
  const spawn = async () => {
    const child = new ChildProcess("livekit", LIVEKIT_BIN, {
      args: ["--config-body", stringify(config)],
      cwd: REPO_ROOT,
      // Only what the server needs: any LIVEKIT_*, NODE_IP or UDP_PORT in the
      // caller's environment would override the config body.
      clearEnv: true,
      env: {
        PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
        HOME: Deno.env.get("HOME") ?? "/tmp",
        LIVEKIT_KEYS: `${apiKey}: ${apiSecret}`,
      },
    });
    await waitUntilReady(
      child,
      `livekit-server (${httpUrl})`,
      () => httpAnswers(`${httpUrl}/`, 200),
      opts.timeoutMs ?? 15_000,
    );
    // livekit-server marks itself running 100 ms after it starts serving HTTP,
    // and ignores a SIGTERM before that; wait it out so stop() is prompt.
    await new Promise((resolve) => setTimeout(resolve, 150));
    return child;
  };
  let child = await spawn();

  return {
    url: `ws://127.0.0.1:${http}`,
    httpUrl,
    apiKey,
    apiSecret,
    ports: { http, rtcTcp, rtcUdp },
    pid: () => child.pid,
    logs: () => child.logs(),
    nodeId: () => /"nodeID": "(\w+)"/.exec(child.logs())?.[1] ?? "",
    stop: () => child.stop(),
    restart: async () => {
      await child.stop();
      child = await spawn();
    },
  };
}

export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""); // 48 chars
}

/** Merges `source` into `target`: objects key by key, anything else replaced. */
export function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) {
      deepMerge(existing, value);
    } else target[key] = value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
