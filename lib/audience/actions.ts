// The audience as people see it: likes (one per person, toggled) and viewer counts
// (names for the stream's seller only).
import { type Emoji, MAX_VIEWER_NAMES } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import type { Audience, LikeState, Viewers } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { admitReaction, refuseBanned } from "@/lib/moderation/admission.ts";
import { findStream, isOwner, openStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";
import { getLikes, likedBy, toggleLike } from "./likes.ts";
import { getViewerCount, listViewerNames } from "./viewers.ts";

/** The like count, and whether the asker likes the stream. */
export async function likes({ kv }: Services, actor: Actor, streamId: string): Promise<LikeState> {
  const stream = await findStream(kv, streamId);
  return await getLikes(kv, stream.id, actor.identity);
}

/** Likes the stream for the asker, or takes their like back; stored with its news in one commit. */
export async function toggle(services: Services, actor: Actor, streamId: string): Promise<LikeState> {
  const { kv } = services;
  await spend(services, "like", actor);
  const stream = await openStream(kv, streamId);
  await refuseBanned(services, actor, stream);
  return await toggleLike(
    kv,
    stream.id,
    actor.identity,
    (count) => [{ message: message("likes", { count }) }],
  );
}

/** A reaction from the asker (unless banned or timed out), added to the room's next tally. */
export async function react(services: Services, actor: Actor, streamId: string, emoji: Emoji): Promise<void> {
  await spend(services, "reaction", actor);
  const stream = await openStream(services.kv, streamId);
  await admitReaction(services, actor, stream);
  services.reactions.add(stream.id, emoji);
}

/** The viewer counts as the asker may see them: with names for the stream's owner only. */
export async function viewers({ kv }: Services, actor: Actor, streamId: string): Promise<Viewers> {
  return await viewersOf(kv, actor, await findStream(kv, streamId));
}

async function viewersOf(kv: Deno.Kv, actor: Actor, stream: Stream): Promise<Viewers> {
  const counts = await getViewerCount(kv, stream.id);
  if (!isOwner(actor, stream)) return counts;
  return { ...counts, names: await listViewerNames(kv, stream.id, { limit: MAX_VIEWER_NAMES }) };
}

/** What a page shows of the audience to anyone: the like count and the viewer counts. */
export async function audienceOfStream(kv: Deno.Kv, stream: Stream): Promise<Audience> {
  const [likes, viewers] = await Promise.all([getLikes(kv, stream.id), getViewerCount(kv, stream.id)]);
  return { likes, viewers };
}

/** What only the asker sees of the audience: whether they like the stream and, its owner, who watches. */
export interface OwnAudience {
  liked: boolean;
  viewers: Viewers | null;
}

export async function ownAudience(kv: Deno.Kv, actor: Actor, stream: Stream): Promise<OwnAudience> {
  const [liked, viewers] = await Promise.all([
    likedBy(kv, stream.id, actor.identity),
    isOwner(actor, stream) ? viewersOf(kv, actor, stream) : null,
  ]);
  return { liked, viewers };
}

/** The audience read for anyone, as the asker sees it. */
export const withOwn = (audience: Audience, own: OwnAudience): Audience => ({
  likes: { ...audience.likes, liked: own.liked },
  viewers: own.viewers ?? audience.viewers,
});

/** What a page shows of the audience: likes (and whether the asker likes it) and viewers. */
export async function audienceOf(kv: Deno.Kv, actor: Actor, stream: Stream): Promise<Audience> {
  const [audience, own] = await Promise.all([audienceOfStream(kv, stream), ownAudience(kv, actor, stream)]);
  return withOwn(audience, own);
}
