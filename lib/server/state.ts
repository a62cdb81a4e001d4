// What every route sees in ctx.state: the app's services and who is asking.
import type { Seller } from "@/lib/auth/seller_store.ts";
import type { Services } from "@/lib/core/services.ts";
import type { RouteContext } from "@/lib/fresh/mod.ts";
import type { Guest } from "./cookies.ts";

export interface State {
  services: Services;
  /** The signed-in seller, if any. */
  seller: Seller | null;
  /** A session cookie came that no longer signs anyone in (ended elsewhere, or expired). */
  sessionEnded?: boolean;
  /** The guest identity from the signed cookie, if any. */
  guest: Guest | null;
  /** This browser session's id from its signed cookie, if any (lib/server/cookies.ts). */
  browser: string | null;
  /** This browser's device id from its signed cookie, once a seller signed in on it. */
  device: string | null;
  /** The reader's time zone, from the cookie their browser keeps; null until it has one. */
  zone: string | null;
}

/** A route's context in this app. */
export type Ctx = RouteContext<State>;
