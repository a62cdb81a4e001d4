// LiveKit's webhooks, verified against the raw body with the SDK's receiver and turned
// into what happened in a stream's room, in Showfloor's terms. A forged or missing
// signature is refused; events about rooms that are not a stream's are dropped here.
import { WebhookReceiver } from "livekit-server-sdk";
import { DomainError } from "@/lib/core/errors.ts";
import { streamIdOfRoom } from "./names.ts";

export interface RoomParticipant {
  identity: string;
  name: string;
  /** LiveKit's id for this one connection. */
  sid: string;
  /** When this connection joined (ms since the epoch), as LiveKit tells it. */
  joinedAtMs?: number;
  /** It publishes a track (a camera, a microphone, a screen). */
  publishing?: boolean;
}

const ACTIVITIES = new Map<string, "joined" | "left" | "published">([
  ["participant_joined", "joined"],
  ["participant_left", "left"],
  ["track_published", "published"],
]);

export type RoomActivity =
  | { type: "joined" | "left" | "published"; id: string; streamId: string; participant: RoomParticipant }
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
  const type = ACTIVITIES.get(event.event);
  if (!p || !type) return null;
  return { type, id: event.id, streamId, participant: participantOf(p) };
}

/** A participant as LiveKit describes it (in a webhook, or its room API's list), in Showfloor's terms. */
export function participantOf(
  p: { identity: string; name: string; sid: string; joinedAt: bigint; joinedAtMs: bigint; tracks: unknown[] },
): RoomParticipant {
  const joinedAtMs = Number(p.joinedAtMs || p.joinedAt * 1000n);
  return {
    identity: p.identity,
    name: p.name || p.identity,
    sid: p.sid,
    joinedAtMs,
    publishing: p.tracks.length > 0,
  };
}
