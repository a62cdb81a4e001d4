// Viewer counts reach the room at most once a second per stream, and the names the seller
// at most once every two seconds, however many join or leave: a thousand viewers coming
// in are a handful of messages, not a thousand. Webhooks only mark a stream's counts as
// changed; this runs every quarter second, in any number of app processes: each telling
// is a checked commit (with its news), so it happens once.
import { MAX_VIEWER_NAMES } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import type { Services } from "@/lib/core/services.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { keys } from "@/lib/kv/keys.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";
import { getViewerCount, listViewerNames } from "./viewers.ts";

const COUNTS_EVERY_MS = 1_000;
const NAMES_EVERY_MS = 2_000;

interface Told {
  countsAt: number;
  namesAt: number;
  /** The names changed since the seller was last told them. */
  namesDue: boolean;
}

/** Tells every stream whose counts changed, where its last telling is old enough. */
export async function tellViewers(services: Services): Promise<void> {
  const changed = await Array.fromAsync(services.kv.list({ prefix: keys.viewersChangedAll() }));
  const told = await Array.fromAsync(services.kv.list<Told>({ prefix: keys.viewersToldAll() }));
  const namesDue = told.filter((e) => e.value.namesDue).map((e) => String(e.key[1]));
  const streams = new Set([...changed.map((e) => String(e.key[1])), ...namesDue]);
  for (const streamId of streams) await tellStream(services, streamId);
}

async function tellStream({ kv, clock }: Services, streamId: string): Promise<void> {
  await atomically("telling the viewer count", async () => {
    const now = clock.now();
    const [dirty, told] = await kv.getMany<[true, Told]>([
      keys.viewersChanged(streamId),
      keys.viewersTold(streamId),
    ]);
    const last = told.value ?? { countsAt: 0, namesAt: 0, namesDue: false };
    const countsDue = dirty.versionstamp !== null && now - last.countsAt >= COUNTS_EVERY_MS;
    const namesDue = (last.namesDue || dirty.versionstamp !== null) && now - last.namesAt >= NAMES_EVERY_MS;
    if (!countsDue && !namesDue) return undefined;
    const { current, peak } = await getViewerCount(kv, streamId);
    const news: News[] = [];
    if (countsDue) news.push({ message: message("viewers", { current, peak }) });
    if (namesDue) {
      const names = await listViewerNames(kv, streamId, { limit: MAX_VIEWER_NAMES });
      news.push({ message: message("viewers", { current, peak, names }), to: "hosts" });
    }
    const next: Told = {
      countsAt: countsDue ? now : last.countsAt,
      namesAt: namesDue ? now : last.namesAt,
      namesDue: !namesDue && (last.namesDue || dirty.versionstamp !== null),
    };
    const op = kv.atomic().check(dirty, told).set(keys.viewersTold(streamId), next, {
      expireIn: 24 * 60 * 60 * 1000,
    });
    if (countsDue) op.delete(keys.viewersChanged(streamId));
    return (await queue(op, streamId, news).commit()).ok ? undefined : RETRY;
  });
}
