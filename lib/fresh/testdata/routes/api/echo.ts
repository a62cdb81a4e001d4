import { z } from "zod";
import { readJson } from "../../../json_body.ts";
import type { Handlers } from "../../../types.ts";

const Body = z.object({ email: z.email(), note: z.string().max(100_000) });

export const handler: Handlers = {
  POST: async (ctx) => Response.json(await readJson(ctx, Body)),
};
