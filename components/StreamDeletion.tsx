import { localDay } from "@/lib/contract/dates.ts";

interface StreamDeletionProps {
  streamId: string;
  title: string;
  /** When a draft goes by itself (ISO), if never taken live; null once it has been. */
  draftRemovedAt: string | null;
  /** Why the last press was refused, in plain words. */
  refusal?: string;
}

/** The studio's delete button, for a stream not on air: it asks first, and needs no JavaScript. */
export function StreamDeletion({ streamId, title, draftRemovedAt, refusal }: StreamDeletionProps) {
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
          {refusal && <p class="notice error" role="alert" tabIndex={-1} autoFocus>{refusal}</p>}
          <p>
            Delete “<bdi>{title}</bdi>” for good? Its chat, likes, sales records, analytics and replay go with
            it, and its link stops working.
          </p>
          <button type="submit" name="delete" value="stream" class="danger">Yes, delete it</button>
        </form>
      </details>
    </div>
  );
}
