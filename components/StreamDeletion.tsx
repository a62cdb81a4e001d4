import { localDay } from "@/lib/contract/dates.ts";

/** Why the last press was refused: its words, and its code ("holds_open"). */
export interface DeleteRefusal {
  message: string;
  code?: string;
}

interface StreamDeletionProps {
  streamId: string;
  title: string;
  /** When a draft goes by itself (ISO), if never taken live; null once it has been. */
  draftRemovedAt: string | null;
  refusal?: DeleteRefusal;
}

/**
 * The studio's delete button, for a stream not on air: it asks first, and needs no JavaScript.
 * Refused for buyers' open holds, it says where to settle them, and its button becomes "Try
 * again": holds also run out by themselves, so the page cannot tell when they are gone.
 */
export function StreamDeletion({ streamId, title, draftRemovedAt, refusal }: StreamDeletionProps) {
  const holds = refusal?.code === "holds_open";
  return (
    <div class="stream-deletion">
      {draftRemovedAt && (
        <p class="muted">
          A stream never taken live is removed after a while: this one on{" "}
          {localDay(draftRemovedAt)}, unless you go live.
        </p>
      )}
      <details class="confirm-delete" open={!!refusal}>
        <summary role="button">Delete stream</summary>
        <form method="post" action={`/studio/${streamId}`} class="form">
          {/* Focused as the page comes back, so a screen reader reads why. */}
          {refusal && <p class="notice error" role="alert" tabIndex={-1} autoFocus>{refusal.message}</p>}
          {holds && (
            <p>
              In <a href="#sales">Sales</a>, mark each open hold paid or release it; then try again.
            </p>
          )}
          <p>
            Delete “<bdi>{title}</bdi>” for good? Its chat, likes, sales records, analytics and replay go with
            it, and its link stops working.
          </p>
          <button type="submit" name="delete" value="stream" class="danger">
            {holds ? "Try again" : "Yes, delete it"}
          </button>
        </form>
      </details>
    </div>
  );
}
