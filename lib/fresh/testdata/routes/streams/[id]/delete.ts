import type { Handlers } from "../../../../types.ts";

// A form's target with no page of its own, as the studio's delete buttons post to.
export const handler: Handlers = {
  POST: () => new Response(null, { status: 303, headers: { location: "/" } }),
};
