import type { Handlers } from "@/lib/fresh/mod.ts";
import * as replays from "@/lib/replays/actions.ts";
import type { State } from "@/lib/server/state.ts";

/**
 * GET: a take of an ended stream's replay, or the byte range a video element asks for.
 * Not cached: parts may still arrive for a while after the end.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const { streamId, takeId } = ctx.params;
    const file = await replays.openTake(ctx.state.services, streamId!, takeId!, ctx.req.headers.get("range"));
    const headers = {
      "content-type": file.type,
      "accept-ranges": "bytes",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    };
    if (file.range === "unsatisfiable") {
      return new Response(null, {
        status: 416,
        headers: { ...headers, "content-range": `bytes */${file.size}` },
      });
    }
    const { start, end } = file.range ?? { start: 0, end: file.size - 1 };
    const length = { "content-length": String(end - start + 1) };
    if (!file.range) return new Response(file.body, { headers: { ...headers, ...length } });
    const range = { "content-range": `bytes ${start}-${end}/${file.size}` };
    return new Response(file.body, { status: 206, headers: { ...headers, ...length, ...range } });
  },
};
