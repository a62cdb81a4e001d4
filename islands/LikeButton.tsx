// Likes: the stream's count, live, and (for viewers) a heart that toggles their one like.
import { getJson, postJson, streamApi } from "@/lib/client/api.ts";
import { useLiveState, versionAs } from "@/lib/client/live_state.ts";
import { closedNow } from "@/lib/client/stream_status.ts";
import { useAction } from "@/lib/client/use_action.ts";
import type { LikeState } from "@/lib/contract/views.ts";

export interface LikeButtonProps {
  streamId: string;
  /** The count, and whether this viewer likes the stream, as the server rendered them. */
  initial: LikeState;
  /** False in the studio and once the stream has ended: the count only. */
  canLike: boolean;
}

export default function LikeButton({ streamId, initial, canLike }: LikeButtonProps) {
  const path = `${streamApi(streamId)}/like`;
  const { state: likes, ready } = useLiveState(initial, {
    on: { likes: (state, { count, version }) => ({ ...state, count, version: version ?? state.version }) },
    versions: versionAs("likes"),
    refetch: () => getJson<LikeState>(path),
  });
  const { busy, error, run } = useAction();
  const toggle = () => run(async () => likes.value = await postJson<LikeState>(path));

  const { count, liked } = likes.value;
  const label = `${count} ${count === 1 ? "like" : "likes"}`;
  return (
    <div class="likes" data-count={count} data-liked={String(liked)} data-ready={ready.value || undefined}>
      {canLike && !closedNow()
        ? (
          <button
            type="button"
            class="like-button"
            // What it does, then the count it shows.
            aria-label={`Like · ${label}`}
            aria-pressed={liked}
            disabled={busy.value}
            onClick={toggle}
          >
            {label}
          </button>
        )
        : <span class="like-count">{label}</span>}
      {error.value && <p class="notice error" role="alert">{error.value}</p>}
    </div>
  );
}
