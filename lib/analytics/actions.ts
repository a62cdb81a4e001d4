// A stream's numbers for its seller: viewers, chat, likes, product sheet opens, reservations.
import type { StreamAnalytics } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { ownStream } from "@/lib/streams/access.ts";
import { getAnalytics } from "./store.ts";

export async function analytics({ kv }: Services, actor: Actor, streamId: string): Promise<StreamAnalytics> {
  return await getAnalytics(kv, (await ownStream(kv, actor, streamId)).id);
}
