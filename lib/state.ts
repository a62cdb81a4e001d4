// What every route sees in ctx.state: the app's services and who is asking.
import type { Config } from "./config.ts";
import type { Guest } from "./auth/cookies.ts";
import type { RoomService } from "./livekit/room_service.ts";
import type { Seller } from "./store/sellers.ts";

export interface Services {
  config: Config;
  kv: Deno.Kv;
  rooms: RoomService;
}

export interface State {
  services: Services;
  /** The signed-in seller, if any. */
  seller: Seller | null;
  /** The guest identity from the signed cookie, if any. */
  guest: Guest | null;
}
