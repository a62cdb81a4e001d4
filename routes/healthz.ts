// Liveness: the process is up and serving HTTP. It asks nothing of KV or LiveKit (/readyz does).
import type { Handlers, RouteConfig } from "@/lib/fresh/mod.ts";

// For probes and operators' scripts: a refusal (a wrong method) is JSON too.
export const config: RouteConfig = { json: true };

export const handler: Handlers = {
  GET: () => Response.json({ ok: true }, { headers: { "cache-control": "no-store" } }),
};
