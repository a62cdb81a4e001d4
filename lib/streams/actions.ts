// A stream's life, as the API, the studio's forms and the watch page drive it: create,
// go live, end, and join its room. Each change is stored first, then announced.
import { message } from "@/lib/contract/messages.ts";
import type { PublicStream } from "@/lib/contract/views.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { conflict } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { announce } from "@/lib/livekit/room_service.ts";
import { mintToken, sellerGrant, viewerGrant } from "@/lib/livekit/tokens.ts";
import { findStream, isOwner, openStream, ownStream } from "./access.ts";
import type { CreateStreamInput } from "./inputs.ts";
import { createStream, endStream, goLive as markLive, listSellerStreams, type Stream } from "./store.ts";

export function links(stream: Stream, origin: string): { studioUrl: string; watchUrl: string } {
  return {
    studioUrl: new URL(`/studio/${stream.id}`, origin).href,
    watchUrl: new URL(`/watch/${stream.id}`, origin).href,
  };
}

export async function create(
  { kv, clock }: Services,
  actor: Actor,
  input: CreateStreamInput,
): Promise<Stream> {
  const sellerId = requireSeller(actor);
  return await createStream(kv, { sellerId, sellerName: actor.name, ...input }, clock.now());
}

/** The asker's own streams, newest first. */
export async function listOwn({ kv }: Services, actor: Actor): Promise<Stream[]> {
  return await listSellerStreams(kv, requireSeller(actor));
}

/** Public facts about a stream: what the watch page needs, nothing about the seller's account. */
export async function publicView({ kv }: Services, streamId: string): Promise<PublicStream> {
  const { id, title, description, sellerName, status, sellerAway } = await findStream(kv, streamId);
  return { id, title, description, sellerName, status, sellerAway: !!sellerAway };
}

export async function goLive(services: Services, actor: Actor, streamId: string): Promise<Stream> {
  const { kv, rooms, clock } = services;
  const stream = await ownStream(kv, actor, streamId);
  const result = await markLive(kv, stream, clock.now());
  if (!result.ok) {
    throw result.reason === "ended"
      ? conflict("stream_ended", "This stream has ended; create a new one to go live again")
      : conflict(
        "already_live",
        "You are already live with another stream; end it before going live with this one",
      );
  }
  const at = result.stream.startedAt ?? isoAt(clock.now());
  await announce(rooms, stream.id, message("status", { status: "live", at }));
  return result.stream;
}

/** Ends the stream, tells the room, then closes it so every viewer is let go. */
export async function end(services: Services, actor: Actor, streamId: string): Promise<Stream> {
  const { kv, rooms, clock } = services;
  const ended = await endStream(kv, await ownStream(kv, actor, streamId), clock.now());
  const at = ended.endedAt ?? isoAt(clock.now());
  await announce(rooms, ended.id, message("status", { status: "ended", at }));
  await rooms.close(ended.id);
  return ended;
}

/** A LiveKit token for the stream's room: publish rights for its seller, subscribe for anyone else. */
export async function joinToken(
  { kv, config }: Services,
  actor: Actor,
  streamId: string,
): Promise<{ serverUrl: string; token: string }> {
  const stream = await openStream(kv, streamId);
  const grant = isOwner(actor, stream) ? sellerGrant(stream.id) : viewerGrant(stream.id);
  const token = await mintToken(config.livekit, actor, grant);
  return { serverUrl: config.livekit.publicUrl, token };
}
