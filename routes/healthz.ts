import type { Handlers } from "@/lib/fresh/mod.ts";

export const handler: Handlers = {
  GET: () => Response.json({ ok: true }),
};
