// What pages and the studio read of moderation: on a watch page, the asker's role, the
// pinned note and whether they may watch; in the studio, everything the seller manages.
import type { StudioModeration, WatchModeration } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { findStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";
import { refusalOf } from "./admission.ts";
import { getChatRules } from "./chat_rules.ts";
import { listLog } from "./log.ts";
import { listModerators } from "./moderators.ts";
import { listReports } from "./reports.ts";
import { requireShopOwner, roleOf } from "./roles.ts";
import { listBans } from "./sanctions.ts";

/** The asker's role in the chat, and whether they may watch (the page adds the pinned note). */
export async function watchModeration(
  services: Services,
  actor: Actor,
  stream: Stream,
): Promise<Omit<WatchModeration, "pinned">> {
  const [role, refusal] = await Promise.all([
    roleOf(services.kv, actor, stream.sellerId),
    refusalOf(services, actor, stream),
  ]);
  return { role, refusal };
}

export async function studioModeration(kv: Deno.Kv, stream: Stream): Promise<StudioModeration> {
  const [reports, bans, log, rules, moderators] = await Promise.all([
    listReports(kv, stream.id),
    listBans(kv, stream.sellerId),
    listLog(kv, stream.sellerId),
    getChatRules(kv, stream.sellerId),
    listModerators(kv, stream.sellerId),
  ]);
  return { reports, bans, log, rules, moderators };
}

/** The studio's moderation view of the stream, for its seller only. */
export async function overview({ kv }: Services, actor: Actor, streamId: string): Promise<StudioModeration> {
  const stream = await findStream(kv, streamId);
  requireShopOwner(actor, stream.sellerId);
  return await studioModeration(kv, stream);
}
