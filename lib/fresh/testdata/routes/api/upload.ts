import type { Handlers, RouteConfig } from "../../../types.ts";

/** Takes bodies up to 128 KiB, over the 64 KiB API default. */
export const config: RouteConfig = { bodyLimit: 128 * 1024 };

export const handler: Handlers = {
  POST: async (ctx) => Response.json({ bytes: (await ctx.req.arrayBuffer()).byteLength }),
};
