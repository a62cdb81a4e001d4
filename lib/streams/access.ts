// Finding a stream for someone: missing is a 404, someone else's a 403, ended a 409 for
// whatever stops with the stream. A seller controls only their own streams.
import type { Actor } from "@/lib/core/actor.ts";
import { conflict } from "@/lib/core/errors.ts";
import { accessTo } from "@/lib/core/ownership.ts";
import { getStream, type Stream, STREAM_MISSING } from "./store.ts";

export const { find: findStream, own: ownStream } = accessTo({
  get: getStream,
  missing: STREAM_MISSING,
  notTheirs: ["not_stream_owner", "Only the seller who created this stream can do that"],
});

/** The stream, when it has not ended: what viewers do (buy, open products, chat) stops with it. */
export async function openStream(kv: Deno.Kv, id: string, ended = "This stream has ended"): Promise<Stream> {
  return requireOpen(await findStream(kv, id), ended);
}

/** The stream, unless it has ended. */
export function requireOpen(stream: Stream, ended = "This stream has ended"): Stream {
  if (stream.status === "ended") throw conflict("stream_ended", ended);
  return stream;
}

export const isOwner = (actor: Actor, stream: Stream) => actor.sellerId === stream.sellerId;
