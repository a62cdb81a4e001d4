// Free loopback ports for the servers a test starts. The kernel picks a port
// that is free right now; the caller binds it moments later. Between the two
// another process could take it, so servers that fail with "address in use"
// are retried with fresh ports by their starters (see livekit.ts).
import dgram from "node:dgram";

/** A TCP port on 127.0.0.1 that nothing is listening on. */
export function freePort(): Promise<number> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return Promise.resolve(port);
}

/**
 * A UDP port on 127.0.0.1 that nothing is bound to, via node:dgram because
 * Deno.listenDatagram needs --unstable-net. When `alsoTcp` is set, the port is
 * also free for TCP (handy when one number must serve both).
 */
export async function freeUdpPort(
  opts: { alsoTcp?: boolean } = {},
): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await bindUdp(0);
    if (!opts.alsoTcp || tcpFree(port)) return port;
  }
  throw new Error(
    "freeUdpPort: found no port free for both UDP and TCP in 20 attempts",
  );
}

/** `count` distinct free TCP ports, all held open until every one is chosen. */
export function freePorts(count: number): Promise<number[]> {
  const listeners = Array.from(
    { length: count },
    () => Deno.listen({ hostname: "127.0.0.1", port: 0 }),
  );
  const ports = listeners.map((l) => (l.addr as Deno.NetAddr).port);
  for (const l of listeners) l.close();
  return Promise.resolve(ports);
}

function tcpFree(port: number): boolean {
  try {
    Deno.listen({ hostname: "127.0.0.1", port }).close();
    return true;
  } catch {
    return false;
  }
}

function bindUdp(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket("udp4");
    socket.once("error", (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(port, "127.0.0.1", () => {
      const chosen = socket.address().port;
      socket.close(() => resolve(chosen));
    });
  });
}
