// Composition root: config in, the running app's services and HTTP handler out.
// main.ts serves it; tests call its fetch with no network.
import type { Config } from "./config.ts";
import { type App, createApp } from "./fresh/mod.ts";
import { createRoomService, type RoomService } from "./livekit/room_service.ts";
import type { Services, State } from "./state.ts";
import { openKv } from "./store/kv.ts";

export interface Showfloor {
  app: App;
  services: Services;
  close(): void;
}

export async function createShowfloor(
  config: Config,
  opts: { rooms?: RoomService } = {},
): Promise<Showfloor> {
  const kv = await openKv(config.kvPath);
  const services: Services = { config, kv, rooms: opts.rooms ?? createRoomService(config.livekit) };
  const app = await createApp<State>({
    root: new URL("../", import.meta.url),
    dev: config.env !== "production",
    initState: () => ({ services, seller: null, guest: null }),
  });
  return { app, services, close: () => kv.close() };
}
