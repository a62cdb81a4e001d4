import type { Handlers } from "@/lib/fresh/mod.ts";
import * as replays from "@/lib/replays/actions.ts";
import type { State } from "@/lib/server/state.ts";

/** GET: a take of a stream's replay, or the byte range a video element asks for to seek. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const { streamId, takeId } = ctx.params;
    const file = await replays.openTake(ctx.state.services, streamId!, takeId!, ctx.req.headers.get("range"));
    const { start, end } = file.range ?? { start: 0, end: file.size - 1 };
    return new Response(file.body, {
      status: file.range ? 206 : 200,
      headers: {
        "content-type": file.type,
        "content-length": String(end - start + 1),
        "accept-ranges": "bytes",
        ...(file.range && { "content-range": `bytes ${start}-${end}/${file.size}` }),
        "cache-control": "public, max-age=300",
        "x-content-type-options": "nosniff",
      },
    });
  },
};
