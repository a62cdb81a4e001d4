// The viewer's room as the watch page's starter (islands/WatchPlayer.start.ts) opens it,
// before any island wakes: the connection then waits for no island, and the seller plays
// in the server-rendered player. The page's live room (live_room.ts) takes it over when
// the islands wake, with the server's messages heard meanwhile, so none is lost.
import { type DisconnectReason, type Room, RoomEvent, type RoomEventCallbacks } from "livekit-client";
import type { JoinTicket } from "@/lib/contract/views.ts";
import { onRoomEvents } from "./room_events.ts";
import { sellerTracks } from "./seller_tracks.ts";
import { connectToStream, createStreamRoom } from "./stream_room.ts";

export type Packet = Parameters<RoomEventCallbacks[RoomEvent.DataReceived]>;

export interface EarlyRoom {
  room: Room;
  streamId: string;
  /** The first connection: with the page's ticket, or else a fresh one. */
  connecting: Promise<void>;
  /** The data packets heard before the take-over, oldest first. */
  heard: Packet[];
  /** Set when the room was left before the take-over: why. */
  left?: { reason?: DisconnectReason };
}

let early: (EarlyRoom & { stopHearing(): void }) | null = null;

/** The server-rendered player the early room plays the seller's main picture and sound in. */
export interface EarlyPlayer {
  video: HTMLVideoElement;
  audio: HTMLAudioElement | null;
}

/** Opens the page's room for a viewer, at once, playing the seller in `player` until the take-over. */
export function openEarlyRoom(streamId: string, ticket: JoinTicket, player: EarlyPlayer): EarlyRoom {
  const room = createStreamRoom();
  const heard: Packet[] = [];
  const stopHearing = onRoomEvents(room, {
    // Until the player island lays the tracks out itself (use_seller_media.ts).
    [RoomEvent.TrackSubscribed]: () => {
      const { main, mic } = sellerTracks(room);
      main?.videoTrack?.attach(player.video);
      if (mic && player.audio) mic.audioTrack?.attach(player.audio);
    },
    [RoomEvent.DataReceived]: (...packet) => void heard.push(packet),
    [RoomEvent.Disconnected]: (reason) => opened.left = { reason },
  });
  const connecting = connectToStream(room, streamId, "viewer", ticket);
  // A failure is the live room's to report, once the player is awake to show it.
  connecting.catch(() => {});
  const opened: NonNullable<typeof early> = { room, streamId, connecting, heard, stopHearing };
  early = opened;
  return opened;
}

/** Hands the early room over, once; from then on it keeps nothing it hears, and its handlers go. */
export function takeEarlyRoom(): EarlyRoom | null {
  const taken = early;
  early = null;
  taken?.stopHearing();
  return taken;
}
