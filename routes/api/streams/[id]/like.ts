import { type Handlers, HttpError, readEmpty } from "../../../../lib/fresh/mod.ts";
import { findStream } from "../../../../lib/guards.ts";
import { participantFor } from "../../../../lib/livekit/participant.ts";
import { announce } from "../../../../lib/livekit/room_service.ts";
import type { State } from "../../../../lib/state.ts";
import { getLikes, toggleLike } from "../../../../lib/store/likes.ts";

/** GET: { count, liked } for the asker. POST (empty body or {}): toggles the asker's like. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const stream = await findStream(ctx.state, ctx.params.id!);
    const who = await participantFor(ctx.hono, ctx.state);
    return ctx.hono.json(await getLikes(ctx.state.services.kv, stream.id, who.identity));
  },
  async POST(ctx) {
    // Nothing to say: who likes comes from the session or guest cookie, never the body.
    await readEmpty(ctx);
    const stream = await findStream(ctx.state, ctx.params.id!);
    if (stream.status === "ended") throw new HttpError(409, "stream_ended", "This stream has ended");
    const who = await participantFor(ctx.hono, ctx.state);
    // Stored first, then announced: a viewer who misses the message reads KV on load.
    const likes = await toggleLike(ctx.state.services.kv, stream.id, who.identity);
    await announce(ctx.state.services.rooms, stream.id, "likes", {
      v: 1,
      type: "likes",
      count: likes.count,
      version: likes.version,
    });
    return ctx.hono.json(likes);
  },
};
