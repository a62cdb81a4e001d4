// What the studio reads of moderation: everything the seller manages. (A watch page reads
// the asker's standing from ./admission.ts.)
import type { StudioModeration } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { findStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";
import { getChatRules } from "./chat_rules.ts";
import { listLog } from "./log.ts";
import { listModerators } from "./moderators.ts";
import { listReports } from "./reports.ts";
import { requireShopOwner } from "./roles.ts";
import { listBans, listTimeouts } from "./sanctions.ts";

export async function studioModeration(
  { kv, clock }: Services,
  stream: Stream,
): Promise<StudioModeration> {
  const [reports, bans, timeouts, log, rules, moderators] = await Promise.all([
    listReports(kv, stream.id),
    listBans(kv, stream.sellerId),
    listTimeouts(kv, stream.sellerId, clock.now()),
    listLog(kv, stream.sellerId),
    getChatRules(kv, stream.sellerId),
    listModerators(kv, stream.sellerId),
  ]);
  return { reports, bans, timeouts, log, rules, moderators };
}

/** The studio's moderation view of the stream, for its seller only. */
export async function overview(
  services: Services,
  actor: Actor,
  streamId: string,
): Promise<StudioModeration> {
  const stream = await findStream(services.kv, streamId);
  requireShopOwner(actor, stream.sellerId);
  return await studioModeration(services, stream);
}
