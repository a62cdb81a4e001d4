// Starts Showfloor: reads the environment, opens KV, builds the app, serves it, and runs
// the server's own background work beside it.
import { loadConfig } from "@/lib/core/config.ts";
import { startBackground } from "@/lib/server/background.ts";
import { createShowfloor } from "@/lib/server/showfloor.ts";

const config = loadConfig();
const { app, services } = await createShowfloor(config);
startBackground(services);
Deno.serve({
  hostname: config.hostname,
  port: config.port,
  onListen: ({ hostname, port }) => {
    const shown = hostname === "127.0.0.1" || hostname === "0.0.0.0" ? "localhost" : hostname;
    console.log(`Showfloor is up at http://${shown}:${port} (LiveKit at ${config.livekit.publicUrl})`);
  },
}, app.fetch);
