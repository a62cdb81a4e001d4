// Composition root: config in, the running app's services and HTTP handler out.
// main.ts serves it; tests call its fetch with no network and may swap any service.
import { createReactionTally } from "@/lib/audience/reaction_tally.ts";
import { createPasswordPool } from "@/lib/auth/password_pool.ts";
import { type Clock, systemClock } from "@/lib/core/clock.ts";
import type { Config } from "@/lib/core/config.ts";
import { writingIn } from "@/lib/contract/dates.ts";
import type { Services } from "@/lib/core/services.ts";
import { type App, createApp } from "@/lib/fresh/mod.ts";
import { openKv } from "@/lib/kv/open.ts";
import { dropSends } from "@/lib/livekit/faults.ts";
import { createRoomService, type RoomService } from "@/lib/livekit/room_service.ts";
import { createOutboxSender } from "@/lib/outbox/sender.ts";
import { hostIdentities } from "@/lib/streams/store.ts";
import { toHttpError } from "./http_errors.ts";
import type { State } from "./state.ts";

export interface Showfloor {
  app: App;
  services: Services;
  close(): Promise<void>;
}

/** Where browsers reach LiveKit: its WebSocket URL, and the same host over HTTP(S) (livekit-client checks it there). */
function livekitOrigins(publicUrl: string): string[] {
  return [new URL(publicUrl).origin, new URL(publicUrl.replace(/^ws/, "http")).origin];
}

export async function createShowfloor(
  config: Config,
  opts: { rooms?: RoomService; clock?: Clock } = {},
): Promise<Showfloor> {
  const kv = await openKv(config.kvPath);
  const livekit = createRoomService(config.livekit);
  const drop = config.faults.dropSendsEvery;
  const rooms = opts.rooms ?? (drop ? dropSends(livekit, drop) : livekit);
  const services: Services = {
    config,
    kv,
    rooms,
    clock: opts.clock ?? systemClock,
    reactions: createReactionTally(kv, rooms),
    passwords: createPasswordPool(),
    outbox: createOutboxSender(kv, rooms, { hostsOf: (streamId) => hostIdentities(kv, streamId) }),
  };
  const app = await createApp<State>({
    root: new URL("../../", import.meta.url),
    dev: config.env !== "production",
    initState: () => ({ services, seller: null, guest: null, browser: null, device: null, zone: null }),
    // Pages' times in the reader's own zone (lib/contract/dates.ts).
    renderWith: (state, render) => writingIn(state.zone, render),
    mapError: toHttpError,
    connectSrc: livekitOrigins(config.livekit.publicUrl),
  });
  return {
    app,
    services,
    async close() {
      await services.outbox.stop();
      await services.reactions.close();
      services.passwords.close();
      kv.close();
    },
  };
}
