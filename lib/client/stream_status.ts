// The stream's state as this page knows it, shared by every island on the page: whether
// it is live or has ended, and whether the seller is here, dropped a moment ago, or away.
// When it ends, every island changes at once (chat closes, buying stops, the studio shows
// the numbers). Fed by the room's `status` messages, and fetched again after a drop.
import { type Signal, signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { SellerPresence } from "@/lib/contract/views.ts";
import type { PublicStream, StreamStatus } from "@/lib/contract/views.ts";
import { getJson, streamApi } from "./api.ts";
import { roomPhase } from "./live_room.ts";
import { follow } from "./live_state.ts";

export interface StreamState {
  /** As the server has it ("live" from whichever page or device the seller broadcasts). */
  status: StreamStatus;
  presence: SellerPresence;
}

const state = signal<StreamState | null>(null);
const problem = signal("");
let following = false;

const PRESENCE: Record<string, SellerPresence> = { reconnecting: "reconnecting", away: "away" };

/** The stream's state: live once the page follows the room, the server-rendered one until then. */
export function useStreamState(
  streamId: string,
  status: StreamStatus,
  presence: SellerPresence,
): StreamState {
  const initial = { status, presence };
  useEffect(() => {
    if (following) return;
    following = true;
    state.value = initial;
    follow(state as Signal<StreamState>, {
      on: {
        status: (_, m) => ({
          status: m.status === "reconnecting" || m.status === "away" ? "live" : m.status,
          presence: PRESENCE[m.status] ?? "here",
        }),
      },
      refetch: async () => {
        const { stream } = await getJson<{ stream: PublicStream }>(
          streamApi(streamId),
        );
        return { status: stream.status, presence: stream.presence };
      },
    }, problem);
  }, []);
  return state.value ?? initial;
}

/** True once this page knows the stream has ended (from its status, or its room closing). */
export function endedNow(): boolean {
  return state.value?.status === "ended" || roomPhase.value === "ended";
}

/** Set when this viewer was removed from the room (a ban, no seat): the page offers nothing more to do. */
export const removed = signal(false);

/** True once there is nothing left to do on this page: the stream ended, or the viewer was removed. */
export const closedNow = () => endedNow() || removed.value;
