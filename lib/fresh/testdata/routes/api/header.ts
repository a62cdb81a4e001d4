import type { Handlers } from "../../../types.ts";

/** Redirects to `?to=`, as a form's return path once did, unchecked. */
export const handler: Handlers = {
  GET: (ctx) => new Response(null, { status: 303, headers: { location: ctx.url.searchParams.get("to")! } }),
};
