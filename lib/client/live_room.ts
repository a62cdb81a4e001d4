// The page's one LiveKit room, shared by every island on the page: islands are bundled
// with code splitting, so this module (and its state) is a single instance in the
// browser. The room is created lazily: islands also run on the server to render HTML.
import { type Signal, signal } from "@preact/signals";
import { type RemoteParticipant, type Room, RoomEvent } from "livekit-client";
import { decodeMessage, isTopic, type MessageOf, type Topic } from "../messages.ts";
import { createStreamRoom, type Phase, trackConnection } from "./stream_room.ts";

type Listener = (message: never, from?: RemoteParticipant) => void;

export interface LiveRoom {
  room: Room;
  phase: Signal<Phase>;
  /** Calls `fn` with every valid message on `topic`; returns the unsubscribe function. */
  on<T extends Topic>(topic: T, fn: (message: MessageOf<T>, from?: RemoteParticipant) => void): () => void;
  /** Calls `fn` after the room comes back from a drop, so islands fetch what they missed. */
  onResync(fn: () => void): () => void;
}

/** The room's connection phase. A plain signal, so islands can read it while rendering on the server. */
export const roomPhase = signal<Phase>("idle");

let current: LiveRoom | null = null;

export function liveRoom(): LiveRoom {
  current ??= createLiveRoom();
  return current;
}

function createLiveRoom(): LiveRoom {
  const room = createStreamRoom();
  const phase = roomPhase;
  const listeners = new Map<Topic, Set<Listener>>();
  const resyncs = new Set<() => void>();
  trackConnection(room, phase);
  room.on(RoomEvent.DataReceived, (payload, from, _kind, topic) => {
    if (!isTopic(topic)) return;
    const message = decodeMessage(topic, payload);
    if (message) { for (const fn of listeners.get(topic) ?? []) fn(message as never, from); }
  });
  room.on(RoomEvent.Reconnected, () => resyncs.forEach((fn) => fn()));
  return {
    room,
    phase,
    on(topic, fn) {
      const set = listeners.get(topic) ?? new Set();
      listeners.set(topic, set);
      set.add(fn as Listener);
      return () => set.delete(fn as Listener);
    },
    onResync(fn) {
      resyncs.add(fn);
      return () => resyncs.delete(fn);
    },
  };
}
