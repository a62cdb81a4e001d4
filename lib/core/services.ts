// The services every action receives: the settings, the store, LiveKit's room API and
// the clock. Built once by the composition root (lib/server/showfloor.ts); tests swap any.
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { ReactionTally } from "@/lib/audience/reaction_tally.ts";
import type { PasswordPool } from "@/lib/auth/password_pool.ts";
import type { RoomService } from "@/lib/livekit/room_service.ts";
import type { OutboxSender } from "@/lib/outbox/sender.ts";

export interface Services {
  config: Config;
  kv: Deno.Kv;
  rooms: RoomService;
  clock: Clock;
  /** Adds up each room's reactions and sends them as a few tallies a second. */
  reactions: ReactionTally;
  /** Hashes passwords on worker threads. */
  passwords: PasswordPool;
  /** Delivers what changes queue for the rooms (lib/outbox). */
  outbox: OutboxSender;
}
