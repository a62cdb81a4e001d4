// Starts Showfloor: reads the environment, opens KV, builds the app, serves it, and runs
// the server's own background work beside it. In production it first waits until
// LiveKit's API accepts the app's key. A refusal ends the process with the reason in
// plain words (a supervisor restarts it). SIGTERM or Ctrl-C stops it gracefully: requests
// in flight finish, what the outbox holds is delivered (a few seconds at most), KV closes.
import { loadConfig } from "@/lib/core/config.ts";
import { StartupRefused, waitForLivekit } from "@/lib/health/startup.ts";
import { startBackground } from "@/lib/server/background.ts";
import { createShowfloor } from "@/lib/server/showfloor.ts";

/** How long a graceful stop may spend delivering the outbox before it closes anyway. */
const FLUSH_MS = 5_000;

try {
  const config = loadConfig();
  const showfloor = await createShowfloor(config);
  const { app, services } = showfloor;
  if (config.env === "production") await waitForLivekit(services.rooms, config.livekit);
  const background = startBackground(services);
  const server = Deno.serve({
    hostname: config.hostname,
    port: config.port,
    onListen: ({ hostname, port }) => {
      const shown = hostname === "127.0.0.1" || hostname === "0.0.0.0" ? "localhost" : hostname;
      console.log(`Showfloor is up at http://${shown}:${port} (LiveKit at ${config.livekit.publicUrl})`);
    },
  }, app.fetch);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("Showfloor is stopping: finishing requests and delivering what is queued…");
    await server.shutdown();
    await background.stop();
    const flushed = await services.outbox.flush(FLUSH_MS);
    if (!flushed) console.error("Some news stayed queued; the next start delivers it.");
    await showfloor.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGTERM", stop);
  Deno.addSignalListener("SIGINT", stop);
} catch (error) {
  const plain = error instanceof StartupRefused ||
    (error instanceof TypeError && error.message.startsWith("Invalid configuration"));
  console.error("Showfloor cannot start:", plain ? error.message : error);
  Deno.exit(1);
}
