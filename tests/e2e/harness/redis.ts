// Starts Debian's redis-server (scripts/setup --scaleout installs it) on a free loopback
// port, keeping nothing on disk: what LiveKit's nodes share to find each other and to route
// every room to the node hosting it.
import { freePort } from "./ports.ts";
import { ChildProcess, waitUntilReady } from "./process.ts";

export interface RedisServer {
  /** host:port, as LiveKit's `redis.address` takes it. */
  address: string;
  /** Stops the server and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const cwd = await Deno.makeTempDir({ prefix: "showfloor-redis-" });
  const child = new ChildProcess("redis", "redis-server", {
    args: ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"],
    cwd,
  });
  const removeCwd = () => Deno.remove(cwd, { recursive: true }).catch(() => {});
  await waitUntilReady(child, `redis-server (port ${port})`, () => pong(port), 15_000).catch(
    async (error) => {
      await removeCwd();
      throw error;
    },
  );
  let stopping: Promise<void> | null = null;
  return { address: `127.0.0.1:${port}`, stop: () => stopping ??= child.stop().then(removeCwd) };
}

/** True when Redis answers PING. */
async function pong(port: number): Promise<boolean> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    await conn.write(new TextEncoder().encode("PING\r\n"));
    const buf = new Uint8Array(16);
    const n = await conn.read(buf);
    return new TextDecoder().decode(buf.subarray(0, n ?? 0)).startsWith("+PONG");
  } finally {
    conn.close();
  }
}
