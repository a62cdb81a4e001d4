import type { Handlers } from "../../../types.ts";

/** Echoes `?value=` in a header, as a route might echo a bad input into a Location. */
export const handler: Handlers = {
  GET: (ctx) =>
    new Response(null, { status: 204, headers: { "x-echo": ctx.url.searchParams.get("value")! } }),
};
