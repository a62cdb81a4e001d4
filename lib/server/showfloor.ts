// Composition root: config in, the running app's services and HTTP handler out.
// main.ts serves it; tests call its fetch with no network and may swap any service.
import { type Clock, systemClock } from "@/lib/core/clock.ts";
import type { Config } from "@/lib/core/config.ts";
import type { Services } from "@/lib/core/services.ts";
import { type App, createApp } from "@/lib/fresh/mod.ts";
import { openKv } from "@/lib/kv/open.ts";
import { createRoomService, type RoomService } from "@/lib/livekit/room_service.ts";
import { toHttpError } from "./http_errors.ts";
import type { State } from "./state.ts";

export interface Showfloor {
  app: App;
  services: Services;
  close(): void;
}

export async function createShowfloor(
  config: Config,
  opts: { rooms?: RoomService; clock?: Clock } = {},
): Promise<Showfloor> {
  const kv = await openKv(config.kvPath);
  const services: Services = {
    config,
    kv,
    rooms: opts.rooms ?? createRoomService(config.livekit),
    clock: opts.clock ?? systemClock,
  };
  const app = await createApp<State>({
    root: new URL("../../", import.meta.url),
    dev: config.env !== "production",
    initState: () => ({ services, seller: null, guest: null }),
    mapError: toHttpError,
  });
  return { app, services, close: () => kv.close() };
}
