// Likes: one per viewer identity, toggled. The like marker and the stream's counter
// change in one atomic commit, checked against the versions just read, so two racing
// toggles can never count twice or drift the counter from the markers.
import { keys } from "./keys.ts";

export interface LikeState {
  count: number;
  /** Whether this identity likes the stream. */
  liked: boolean;
  /** The versionstamp of the commit that produced the count ("" before any like). */
  version: string;
}

/** The stream's like count, and whether `identity` (if any) likes it. */
export async function getLikes(kv: Deno.Kv, streamId: string, identity?: string): Promise<LikeState> {
  const count = await kv.get<number>(keys.likeCount(streamId));
  const liked = !!identity && (await kv.get(keys.like(streamId, identity))).versionstamp !== null;
  return { count: count.value ?? 0, liked, version: count.versionstamp ?? "" };
}

/** Likes the stream for `identity`, or takes the like back when there is one. */
export async function toggleLike(kv: Deno.Kv, streamId: string, identity: string): Promise<LikeState> {
  for (;;) {
    const [count, like] = await kv.getMany<[number, true]>([
      keys.likeCount(streamId),
      keys.like(streamId, identity),
    ]);
    const liked = like.versionstamp === null;
    const next = Math.max(0, (count.value ?? 0) + (liked ? 1 : -1));
    const op = kv.atomic().check(count, like).set(keys.likeCount(streamId), next);
    if (liked) op.set(keys.like(streamId, identity), true);
    else op.delete(keys.like(streamId, identity));
    const result = await op.commit();
    if (result.ok) return { count: next, liked, version: result.versionstamp };
  }
}
