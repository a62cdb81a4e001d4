// The two things the app needs besides itself, asked with a deadline each: does KV answer a
// read, and does LiveKit's API accept the app's key. A failure comes back as a sentence an
// operator can act on, naming what failed and where.
import type { Config } from "@/lib/core/config.ts";
import type { Services } from "@/lib/core/services.ts";
import { rejectsKey } from "@/lib/livekit/room_service.ts";

/** How long each probe may take before it counts as not answering. */
export const PROBE_TIMEOUT_MS = 2_000;

/** null when the probe passed, otherwise what is wrong in plain words, and whether waiting can fix it. */
export type Problem = { message: string; lasting: boolean } | null;

export async function probeKv(kv: Deno.Kv): Promise<Problem> {
  try {
    await withDeadline(kv.get(["readiness-probe"]));
    return null;
  } catch (error) {
    return { message: `KV did not answer a read: ${reasonOf(error)}`, lasting: false };
  }
}

export async function probeLivekit(
  rooms: Services["rooms"],
  livekit: Pick<Config["livekit"], "url" | "apiKey">,
): Promise<Problem> {
  try {
    await withDeadline(rooms.ping());
    return null;
  } catch (error) {
    if (rejectsKey(error)) {
      const message =
        `LiveKit at ${livekit.url} refused the API key "${livekit.apiKey}": LIVEKIT_API_KEY and ` +
        "LIVEKIT_API_SECRET must be the pair LiveKit has in LIVEKIT_KEYS";
      return { message, lasting: true };
    }
    return { message: `LiveKit's API at ${livekit.url} did not answer: ${reasonOf(error)}`, lasting: false };
  }
}

class DeadlinePassed extends Error {}

function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed()), PROBE_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown): string {
  if (error instanceof DeadlinePassed) return `no answer within ${PROBE_TIMEOUT_MS / 1000} s`;
  if (!(error instanceof Error)) return String(error);
  // fetch says only "fetch failed"; the reason (connection refused, …) is its cause.
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
