// Whether this process can serve requests now: KV and LiveKit's API both answer. GET /readyz
// reports it (200 or 503, naming what failed); compose's healthcheck and operators read it.
import type { Services } from "@/lib/core/services.ts";
import { probeKv, probeLivekit, type Problem } from "./probes.ts";

export interface Readiness {
  ready: boolean;
  /** Each dependency: "ok", or what is wrong with it. */
  checks: { kv: string; livekit: string };
}

export async function readiness(services: Pick<Services, "kv" | "rooms" | "config">): Promise<Readiness> {
  const [kv, livekit] = await Promise.all([
    probeKv(services.kv),
    probeLivekit(services.rooms, services.config.livekit),
  ]);
  return { ready: kv === null && livekit === null, checks: { kv: shown(kv), livekit: shown(livekit) } };
}

const shown = (problem: Problem) => problem?.message ?? "ok";
