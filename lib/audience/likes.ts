// Likes: one per viewer identity, toggled. The like marker and the stream's counter
// change in one atomic commit, checked against the versions just read, so two racing
// toggles can never count twice or drift the counter from the markers.
import type { LikeState } from "@/lib/contract/views.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { keys } from "@/lib/kv/keys.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";

/** How long a person's like mark is kept. */
const LIKE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** The stream's like count, and whether `identity` (if any) likes it. */
export async function getLikes(kv: Deno.Kv, streamId: string, identity?: string): Promise<LikeState> {
  const [count, liked] = await Promise.all([
    kv.get<number>(keys.likeCount(streamId)),
    likedBy(kv, streamId, identity),
  ]);
  return { count: count.value ?? 0, liked, version: count.versionstamp ?? "" };
}

/** Whether `identity` (if any) likes the stream. */
export async function likedBy(kv: Deno.Kv, streamId: string, identity?: string): Promise<boolean> {
  return !!identity && (await kv.get(keys.like(streamId, identity))).versionstamp !== null;
}

/** Likes the stream for `identity`, or takes the like back when there is one. */
export async function toggleLike(
  kv: Deno.Kv,
  streamId: string,
  identity: string,
  news: (count: number) => News[],
): Promise<LikeState> {
  return await atomically<LikeState>("liking", async () => {
    const [count, like] = await kv.getMany<[number, true]>([
      keys.likeCount(streamId),
      keys.like(streamId, identity),
    ]);
    const liked = like.versionstamp === null;
    const next = Math.max(0, (count.value ?? 0) + (liked ? 1 : -1));
    const op = kv.atomic().check(count, like).set(keys.likeCount(streamId), next);
    // A like can only be taken back while the stream runs; its mark outlives that by far.
    if (liked) op.set(keys.like(streamId, identity), true, { expireIn: LIKE_TTL_MS });
    else op.delete(keys.like(streamId, identity));
    const result = await queue(op, streamId, news(next)).commit();
    return result.ok ? { count: next, liked, version: result.versionstamp } : RETRY;
  });
}
