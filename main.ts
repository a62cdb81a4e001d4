// Starts Showfloor: reads the environment, opens KV, builds the app, serves it, and runs
// the server's own background work beside it. In production it first waits until
// LiveKit's API accepts the app's key. A refusal ends the process with the reason in
// plain words (a supervisor restarts it).
import { loadConfig } from "@/lib/core/config.ts";
import { StartupRefused, waitForLivekit } from "@/lib/health/startup.ts";
import { startBackground } from "@/lib/server/background.ts";
import { createShowfloor } from "@/lib/server/showfloor.ts";

try {
  const config = loadConfig();
  const { app, services } = await createShowfloor(config);
  if (config.env === "production") await waitForLivekit(services.rooms, config.livekit);
  startBackground(services);
  Deno.serve({
    hostname: config.hostname,
    port: config.port,
    onListen: ({ hostname, port }) => {
      const shown = hostname === "127.0.0.1" || hostname === "0.0.0.0" ? "localhost" : hostname;
      console.log(`Showfloor is up at http://${shown}:${port} (LiveKit at ${config.livekit.publicUrl})`);
    },
  }, app.fetch);
} catch (error) {
  const plain = error instanceof StartupRefused ||
    (error instanceof TypeError && error.message.startsWith("Invalid configuration"));
  console.error("Showfloor cannot start:", plain ? error.message : error);
  Deno.exit(1);
}
