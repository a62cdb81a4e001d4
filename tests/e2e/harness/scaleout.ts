// The scaled-out stack on loopback, every part real: Redis, LiveKit nodes sharing it, denokv,
// app processes on it, and Caddy in front, started in the order each needs the next. Browsers
// use the proxy's origin for pages, API and LiveKit's signalling; the apps call LiveKit's API
// and LiveKit sends webhooks through the internal balancer, so any node serves any call and
// any process takes any webhook.
import { type AppServer, startApp } from "./app.ts";
import { type DenoKvServer, startDenokv } from "./denokv.ts";
import { type LivekitServer, randomSecret, startLivekit } from "./livekit.ts";
import { freePorts } from "./ports.ts";
import { type Proxy, startProxy } from "./proxy.ts";
import { type RedisServer, startRedis } from "./redis.ts";

export interface ScaleoutStack {
  /** The proxy's origin, http://127.0.0.1:PORT. */
  url: string;
  proxy: Proxy;
  apps: AppServer[];
  nodes: LivekitServer[];
  kv: DenoKvServer;
  redis: RedisServer;
  /** Every part's output, for a failed test's message. */
  logs(): string;
  /** Stops everything, the apps first. Safe to call twice. */
  stop(): Promise<void>;
}

export interface ScaleoutOptions {
  apps?: number;
  nodes?: number;
  /** Extra environment for every app. */
  appEnv?: Record<string, string>;
}

export async function startScaleout(opts: ScaleoutOptions = {}): Promise<ScaleoutStack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => console.error("stopping:", e));
  };
  try {
    const [publicPort, balancerPort, ...appPorts] = await freePorts(2 + (opts.apps ?? 2));
    const redis = await startRedis();
    stops.push(redis.stop);
    const kv = await startDenokv();
    stops.push(kv.stop);
    const nodes = await startNodes(opts.nodes ?? 2, redis, {
      webhookUrl: `http://127.0.0.1:${balancerPort}/api/livekit/webhook`,
      avoidPorts: [publicPort!, balancerPort!, ...appPorts],
    });
    stops.push(...nodes.map((n) => n.stop));
    const proxy = await startProxy({
      apps: appPorts,
      livekitNodes: nodes.map((n) => n.ports.http),
      publicPort,
      balancerPort,
    });
    stops.push(proxy.stop);
    const apps: AppServer[] = [];
    // One after another: the first start of each bundles the islands, which takes both cores.
    for (const port of appPorts) {
      const app = await startApp({
        livekit: {
          url: `ws://127.0.0.1:${balancerPort}`,
          apiKey: nodes[0]!.apiKey,
          apiSecret: nodes[0]!.apiSecret,
        },
        port,
        env: {
          KV_PATH: kv.url,
          DENO_KV_ACCESS_TOKEN: kv.accessToken,
          LIVEKIT_PUBLIC_URL: `ws://127.0.0.1:${publicPort}`,
          TRUSTED_PROXIES: "127.0.0.1",
          ...opts.appEnv,
        },
      });
      apps.push(app);
      stops.push(app.stop);
    }
    let stopping: Promise<void> | null = null;
    return {
      url: proxy.url,
      proxy,
      apps,
      nodes,
      kv,
      redis,
      logs: () =>
        [
          ...apps.map((a, i) => `----- app ${i} -----\n${a.logs()}`),
          ...nodes.map((n, i) => `----- livekit ${i} -----\n${n.logs()}`),
          `----- caddy -----\n${proxy.logs()}`,
        ].join("\n"),
      stop: () => stopping ??= stopAll(),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** LiveKit nodes on one Redis with one key pair; a new room goes to the node with the fewest. */
async function startNodes(
  count: number,
  redis: RedisServer,
  opts: { webhookUrl: string; avoidPorts: number[] },
): Promise<LivekitServer[]> {
  const apiSecret = randomSecret();
  const nodes: LivekitServer[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push(
      await startLivekit({
        ...opts,
        apiSecret,
        avoidPorts: [...opts.avoidPorts, ...nodes.flatMap((n) => Object.values(n.ports))],
        config: { redis: { address: redis.address }, node_selector: { sort_by: "rooms" } },
      }).catch(async (error) => {
        await Promise.all(nodes.map((n) => n.stop()));
        throw error;
      }),
    );
  }
  return nodes;
}
