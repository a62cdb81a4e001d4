// A TLS front for LiveKit's signalling, so a production-mode app (which hands browsers only
// wss:// URLs) can be watched on loopback: a throw-away self-signed certificate (openssl)
// that the bench's Chromium is told to accept (--ignore-certificate-errors), and every
// connection piped to LiveKit's plain port. Media still flows over UDP straight to LiveKit.

export interface TlsProxy {
  stop(): Promise<void>;
}

async function selfSigned(): Promise<{ cert: string; key: string }> {
  const dir = await Deno.makeTempDir({ prefix: "showfloor-tls-" });
  try {
    const made = await new Deno.Command("openssl", {
      args: ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        .concat(["-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`]),
      stdout: "null",
      stderr: "piped",
    }).output().catch((e) => {
      throw new Error(`the TLS proxy needs openssl on PATH: ${e}`);
    });
    if (!made.success) throw new Error(`openssl failed: ${new TextDecoder().decode(made.stderr)}`);
    return {
      cert: await Deno.readTextFile(`${dir}/cert.pem`),
      key: await Deno.readTextFile(`${dir}/key.pem`),
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Listens with TLS on 127.0.0.1:`port` and pipes each connection to 127.0.0.1:`target`. */
export async function startTlsProxy(port: number, target: number): Promise<TlsProxy> {
  const listener = Deno.listenTls({ hostname: "127.0.0.1", port, ...await selfSigned() });
  const open = new Set<Deno.Conn>();
  const pipe = async (client: Deno.Conn) => {
    const server = await Deno.connect({ hostname: "127.0.0.1", port: target }).catch(() => null);
    if (!server) return client.close();
    open.add(client).add(server);
    await Promise.allSettled([
      client.readable.pipeTo(server.writable),
      server.readable.pipeTo(client.writable),
    ]);
    for (const c of [client, server]) open.delete(c);
  };
  const accepting = (async () => {
    for await (const client of listener) void pipe(client);
  })().catch(() => {}); // ends when the listener closes
  return {
    async stop() {
      listener.close();
      for (const c of open) {
        try {
          c.close();
        } catch { /* already closed by its pipe */ }
      }
      await accepting;
    },
  };
}
