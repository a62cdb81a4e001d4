// The watch page: everything a viewer sees before the room connects, so a late viewer
// starts from the current chat (with its pinned note), audience and showcase; and
// whether the asker moderates its chat, or may not watch at all.
import { audienceOf } from "@/lib/audience/actions.ts";
import { listChat } from "@/lib/chat/store.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import type { Audience, Showcase, WatchModeration } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { watchModeration } from "@/lib/moderation/view.ts";
import { showcaseOf } from "@/lib/showcase/view.ts";
import { findStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";

export interface WatchPage {
  stream: Stream;
  chat: ChatMessage[];
  audience: Audience;
  showcase: Showcase;
  moderation: WatchModeration;
}

export async function watchPage(services: Services, actor: Actor, streamId: string): Promise<WatchPage> {
  const { kv, clock } = services;
  const stream = await findStream(kv, streamId);
  const [chat, audience, showcase, moderation] = await Promise.all([
    listChat(kv, stream.id),
    audienceOf(kv, actor, stream),
    showcaseOf(kv, stream.id, clock.now()),
    watchModeration(services, actor, stream),
  ]);
  return { stream, chat, audience, showcase, moderation };
}
