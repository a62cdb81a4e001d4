import type { Handlers } from "../../../../../types.ts";

export const handler: Handlers = {
  POST: (ctx) => Response.json({ stream: ctx.params.id }),
};
