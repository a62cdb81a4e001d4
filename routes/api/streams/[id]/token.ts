import { type Handlers, HttpError } from "../../../../lib/fresh/mod.ts";
import { findStream } from "../../../../lib/guards.ts";
import { participantFor } from "../../../../lib/livekit/participant.ts";
import { mintToken, sellerGrant, viewerGrant } from "../../../../lib/livekit/tokens.ts";
import type { State } from "../../../../lib/state.ts";

/** Answers { serverUrl, token }: publish rights for the stream's owner, subscribe for anyone else. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const stream = await findStream(ctx.state, ctx.params.id!);
    if (stream.status === "ended") {
      throw new HttpError(409, "stream_ended", "This stream has ended");
    }
    const who = await participantFor(ctx.hono, ctx.state);
    const isOwner = ctx.state.seller?.id === stream.sellerId;
    const { livekit } = ctx.state.services.config;
    const token = await mintToken(livekit, who, isOwner ? sellerGrant(stream.id) : viewerGrant(stream.id));
    return ctx.hono.json({ serverUrl: livekit.publicUrl, token });
  },
};
