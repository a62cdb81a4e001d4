// What the room hears when a stream's state changes: its status, as viewers should show it.
import { message } from "@/lib/contract/messages.ts";
import type { SellerPresence } from "@/lib/contract/views.ts";
import type { News } from "@/lib/outbox/queue.ts";
import type { Stream } from "./store.ts";

/** Whether the seller broadcasts, dropped a moment ago, or has been gone past the grace period. */
export function presenceOf(stream: Stream): SellerPresence {
  if (!stream.sellerAway) return "here";
  return stream.awayLong ? "away" : "reconnecting";
}

/** The status message of a live stream (live, reconnecting, away), or of an ended one; an ended room also closes. */
export function statusNews(stream: Stream, at: string): News[] {
  if (stream.status === "ended") {
    return [{ message: message("status", { status: "ended", at }) }, { close: true }];
  }
  const presence = presenceOf(stream);
  const status = stream.status === "created" ? "created" : presence === "here" ? "live" : presence;
  return [{ message: message("status", { status, at }) }];
}
