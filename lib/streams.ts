// Stream actions shared by the JSON API and the studio's forms.
import { HttpError } from "./fresh/mod.ts";
import type { CreateStreamInput } from "./inputs.ts";
import { announce } from "./livekit/room_service.ts";
import type { State } from "./state.ts";
import type { Seller } from "./store/sellers.ts";
import { createStream, endStream, goLive, type Stream } from "./store/streams.ts";

export function streamLinks(stream: Stream, origin: string): { studioUrl: string; watchUrl: string } {
  return {
    studioUrl: new URL(`/studio/${stream.id}`, origin).href,
    watchUrl: new URL(`/watch/${stream.id}`, origin).href,
  };
}

export async function startStream(state: State, seller: Seller, input: CreateStreamInput): Promise<Stream> {
  return await createStream(state.services.kv, { sellerId: seller.id, sellerName: seller.name, ...input });
}

/** Stored first, then announced: a viewer who misses the message reads KV on load. */
export async function goLiveOrExplain(state: State, stream: Stream): Promise<Stream> {
  const result = await goLive(state.services.kv, stream);
  if (!result.ok) {
    throw result.reason === "ended"
      ? new HttpError(409, "stream_ended", "This stream has ended; create a new one to go live again")
      : new HttpError(
        409,
        "already_live",
        "You are already live with another stream; end it before going live with this one",
      );
  }
  await announce(state.services.rooms, stream.id, "status", {
    v: 1,
    type: "status",
    status: "live",
    at: result.stream.startedAt ?? new Date().toISOString(),
  });
  return result.stream;
}

/** Ends the stream, tells the room, then closes it so every viewer is let go. */
export async function finishStream(state: State, stream: Stream): Promise<Stream> {
  const ended = await endStream(state.services.kv, stream);
  await announce(state.services.rooms, stream.id, "status", {
    v: 1,
    type: "status",
    status: "ended",
    at: ended.endedAt ?? new Date().toISOString(),
  });
  await state.services.rooms.close(stream.id);
  return ended;
}
