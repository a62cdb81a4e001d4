// LiveKit's webhooks, verified against the raw body with the SDK's receiver and turned
// into what happened in a stream's room, in Showfloor's terms. A forged or missing
// signature is refused; events about rooms that are not a stream's are dropped here.
import { WebhookReceiver } from "livekit-server-sdk";
import { DomainError } from "@/lib/core/errors.ts";
import { ADDRESS_ATTRIBUTE, streamIdOfRoom } from "./names.ts";

export interface RoomParticipant {
  identity: string;
  name: string;
  /** LiveKit's id for this one connection. */
  sid: string;
  /** When this connection joined (ms since the epoch), as LiveKit tells it. */
  joinedAtMs?: number;
  /** The tracks it publishes (a camera, a microphone, a screen), by LiveKit's track id. */
  tracks?: string[];
  /** The client address a viewer's token was given to (none in a studio's). */
  address?: string;
  /** In a leave: the page itself disconnected (it was closed or reloaded), not a drop or a removal. */
  leftByItself?: boolean;
}

/** livekit.DisconnectReason.CLIENT_INITIATED (the SDK does not export the enum). */
const CLIENT_INITIATED = 1;

const COMINGS = new Map<string, "joined" | "left">([
  ["participant_joined", "joined"],
  ["participant_left", "left"],
]);

const TRACKS = new Map<string, "published" | "unpublished">([
  ["track_published", "published"],
  ["track_unpublished", "unpublished"],
]);

interface Activity {
  id: string;
  streamId: string;
  participant: RoomParticipant;
}

export type RoomActivity =
  | Activity & { type: "joined" | "left" }
  | Activity & { type: "published" | "unpublished"; track: string }
  | { type: "room_finished"; id: string; streamId: string };

/** The activity the webhook reports, or null for events Showfloor does not follow. */
export async function readWebhook(
  keys: { apiKey: string; apiSecret: string },
  body: string,
  authorization: string | undefined,
): Promise<RoomActivity | null> {
  let event;
  try {
    event = await new WebhookReceiver(keys.apiKey, keys.apiSecret).receive(body, authorization);
  } catch {
    throw new DomainError("unauthenticated", "bad_signature", "Webhook signature is missing or invalid");
  }
  const streamId = streamIdOfRoom(event.room?.name ?? "");
  if (!streamId) return null;
  if (event.event === "room_finished") return { type: "room_finished", id: event.id, streamId };
  const p = event.participant;
  if (!p) return null;
  const about = { id: event.id, streamId, participant: participantOf(p) };
  const coming = COMINGS.get(event.event);
  if (coming) return { ...about, type: coming };
  const track = TRACKS.get(event.event);
  return track && event.track ? { ...about, type: track, track: event.track.sid } : null;
}

/** A participant as LiveKit describes it (in a webhook, or its room API's list), in Showfloor's terms. */
export function participantOf(
  p: {
    identity: string;
    name: string;
    sid: string;
    joinedAt: bigint;
    joinedAtMs: bigint;
    tracks: { sid: string }[];
    attributes: Record<string, string>;
    disconnectReason?: number;
  },
): RoomParticipant {
  const joinedAtMs = Number(p.joinedAtMs || p.joinedAt * 1000n);
  return {
    identity: p.identity,
    name: p.name || p.identity,
    sid: p.sid,
    joinedAtMs,
    tracks: p.tracks.map((t) => t.sid),
    address: p.attributes[ADDRESS_ATTRIBUTE],
    ...(p.disconnectReason === CLIENT_INITIATED ? { leftByItself: true } : {}),
  };
}
