// Readiness for healthchecks and operators: 200 when KV and LiveKit's API both answer, else
// 503 naming what failed. /healthz only says the process is alive.
import type { Handlers, RouteConfig } from "@/lib/fresh/mod.ts";
import { readiness } from "@/lib/health/readiness.ts";
import type { State } from "@/lib/server/state.ts";

// For probes and operators' scripts: a refusal (a wrong method) is JSON too.
export const config: RouteConfig = { json: true };

export const handler: Handlers<State> = {
  async GET(ctx) {
    const report = await readiness(ctx.state.services);
    return ctx.hono.json(report, report.ready ? 200 : 503, { "cache-control": "no-store" });
  },
};
