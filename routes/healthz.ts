// Liveness: the process is up and serving HTTP. It asks nothing of KV or LiveKit (/readyz does).
import type { Handlers } from "@/lib/fresh/mod.ts";

export const handler: Handlers = {
  GET: () => Response.json({ ok: true }, { headers: { "cache-control": "no-store" } }),
};
