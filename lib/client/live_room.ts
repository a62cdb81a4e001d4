// The page's one LiveKit room, shared by every island on the page: islands are bundled
// with code splitting, so this module (and its state) is a single instance in the
// browser. The room is created lazily: islands also run on the server to render HTML.
import { type Signal, signal } from "@preact/signals";
import { ConnectionState, DisconnectReason, type Room, RoomEvent } from "livekit-client";
import { decodeMessage, isTopic, type MessageOf, type Topic } from "@/lib/contract/messages.ts";
import type { JoinTicket } from "@/lib/contract/views.ts";
import { ApiError } from "./api.ts";
import { type Dispatcher, dispatcher } from "./dispatch.ts";
import { type Packet, takeEarlyRoom } from "./early_room.ts";
import {
  connectToStream,
  createStreamRoom,
  type JoinAs,
  type Phase,
  trackConnection,
} from "./stream_room.ts";

export interface LiveRoom {
  room: Room;
  phase: Signal<Phase>;
  /** Calls `fn` with every valid message on `topic`; returns the unsubscribe function. */
  on<T extends Topic>(topic: T, fn: (message: MessageOf<T>) => void): () => void;
  /** Calls `fn` after the room comes back from a drop, so islands fetch what they missed. */
  onResync(fn: () => void): () => void;
  /** Has every island fetch what it holds again now (a page outside its room keeps up this way). */
  resync(): void;
  /**
   * Joins the stream's room and stays joined: LiveKit itself resumes short drops; after
   * a full disconnect (network gone too long, server restart) this rejoins with backoff.
   */
  join(streamId: string, as: JoinAs, ticket?: JoinTicket | null, seq?: number): Promise<void>;
}

// Disconnects that mean "you are done here", not "try again". A duplicate identity is
// not one: every connection has its own, so it can only be a stale session being replaced.
const FINAL = new Set([
  DisconnectReason.CLIENT_INITIATED,
  DisconnectReason.ROOM_DELETED,
  DisconnectReason.PARTICIPANT_REMOVED,
]);
const MAX_BACKOFF_MS = 15_000;

/** The room's connection phase. A plain signal, so islands can read it while rendering on the server. */
export const roomPhase = signal<Phase>("idle");

let current: LiveRoom | null = null;

export function liveRoom(): LiveRoom {
  current ??= createLiveRoom();
  return current;
}

/**
 * Feeds the server's messages to `d`, and asks for a fetch when a visible page has heard
 * nothing for long; gives what feeds `d` one packet (for those heard before).
 */
function listen(room: Room, d: Dispatcher, resync: () => void): (...packet: Packet) => void {
  const hear = (...[payload, from, _kind, topic]: Packet) => {
    // Only the server speaks (its packets name no sender); anything from a participant is forged.
    if (from || !isTopic(topic)) return;
    const message = decodeMessage(topic, payload);
    if (message) d.receive(message);
  };
  room.on(RoomEvent.DataReceived, hear);
  setInterval(() => {
    if (roomPhase.value === "live" && document.visibilityState === "visible" && d.order.silent()) resync();
  }, 5_000);
  return hear;
}

function createLiveRoom(): LiveRoom {
  let early = takeEarlyRoom(); // opened by the watch page's starter, if any
  const room = early?.room ?? createStreamRoom();
  const phase = roomPhase;
  const resyncs = new Set<() => void>();
  trackConnection(room, phase);
  const resync = () => resyncs.forEach((fn) => fn());
  const messages = dispatcher(resync);
  const hear = listen(room, messages, resync);
  room.on(RoomEvent.Reconnected, resync);
  let joined: { streamId: string; as: JoinAs } | null = null;
  room.on(RoomEvent.Disconnected, (reason) => {
    // The stream ended: its last messages may not have made it before the room closed, so
    // islands fetch the final state (chat, holds, numbers) once.
    if (reason === DisconnectReason.ROOM_DELETED) return resync();
    if (joined && phase.value !== "ended" && !(reason !== undefined && FINAL.has(reason))) {
      void rejoin(joined.streamId, joined.as);
    }
  });

  async function rejoin(streamId: string, as: JoinAs) {
    phase.value = "reconnecting";
    for (let delay = 1_000;; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await connectToStream(room, streamId, as);
        phase.value = "live";
        return resync();
      } catch (error) {
        if (error instanceof ApiError && error.code === "stream_ended") return void (phase.value = "ended");
        phase.value = "reconnecting";
      }
    }
  }

  return {
    room,
    phase,
    on: messages.on,
    resync,
    onResync(fn) {
      resyncs.add(fn);
      return () => resyncs.delete(fn);
    },
    async join(streamId, as, ticket, seq) {
      phase.value = "connecting";
      // Known where the page's state stood: a message missed before connecting shows as a gap.
      if (seq !== undefined) messages.order.startAt(seq);
      const opened = early?.streamId === streamId && as === "viewer" ? early : null;
      early = null;
      opened?.heard.forEach((packet) => hear(...packet));
      await (opened?.connecting ?? connectToStream(room, streamId, as, ticket));
      joined = { streamId, as };
      phase.value = room.state === ConnectionState.Reconnecting ? "reconnecting" : "live";
      // Left before the islands woke (the stream ended, a ban, a drop): what they missed, now.
      if (opened?.left) room.emit(RoomEvent.Disconnected, opened.left.reason);
      // Else what was sent between the server rendering the page and now is fetched.
      if (seq === undefined) resync();
    },
  };
}
