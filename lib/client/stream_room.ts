// The LiveKit room as both islands use it: one place for connection options, the token
// request, and turning Room events into a connection phase the UI can show.
import { type Signal } from "@preact/signals";
import { DisconnectReason, Room, RoomEvent, VideoPresets } from "livekit-client";
import type { JoinTicket } from "@/lib/contract/views.ts";
import { postJson, streamApi } from "./api.ts";
import { onRoomEvents } from "./room_events.ts";

export type Phase = "idle" | "connecting" | "live" | "reconnecting" | "ended" | "offline" | "error";

export function createStreamRoom(): Room {
  const room = new Room({
    // LiveKit would leave on "beforeunload", even when the seller then chooses to stay on
    // the page (the studio asks first while on air): leave when the page really goes.
    disconnectOnPageLeave: false,
    // The seller stops sending layers nobody watches. Viewers pick the layer that fits their
    // player themselves (lib/client/use_seller_media.ts): LiveKit's adaptive stream would
    // hold the video back until it sees the element on screen, a keyframe later.
    dynacast: true,
    publishDefaults: {
      simulcast: true,
      videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360],
    },
    videoCaptureDefaults: { resolution: VideoPresets.h720.resolution },
  });
  addEventListener("pagehide", () => void room.disconnect());
  return room;
}

/** How a page joins: the seller broadcasting from the studio, or someone watching. */
export type JoinAs = "host" | "viewer";

/**
 * Connects the room: with the ticket the page came with (no request first), or else (none,
 * or it no longer works: the page sat open past its lifetime) with one asked for now.
 */
export async function connectToStream(
  room: Room,
  streamId: string,
  as: JoinAs,
  ticket?: JoinTicket | null,
): Promise<void> {
  if (ticket) {
    try {
      return await room.connect(ticket.serverUrl, ticket.token);
    } catch {
      // Asked for afresh below; a refusal then says why in plain words.
    }
  }
  const fresh = await postJson<JoinTicket>(`${streamApi(streamId)}/token`, { as });
  await room.connect(fresh.serverUrl, fresh.token);
}

/** Mirrors the room's connection into `phase`; returns the unsubscribe function. */
export function trackConnection(room: Room, phase: Signal<Phase>): () => void {
  const reconnecting = () => phase.value = "reconnecting";
  const reconnected = () => phase.value = "live";
  const disconnected = (reason?: DisconnectReason) => {
    if (phase.value === "ended") return;
    phase.value = reason === DisconnectReason.ROOM_DELETED ? "ended" : "offline";
  };
  return onRoomEvents(room, {
    // Its signalling alone (a lost network shows here first, while the video may still play).
    [RoomEvent.SignalReconnecting]: reconnecting,
    [RoomEvent.Reconnecting]: reconnecting,
    [RoomEvent.Reconnected]: reconnected,
    [RoomEvent.Disconnected]: disconnected,
  });
}
