import { PINNED_MAX_LENGTH } from "@/lib/contract/limits.ts";
import type { PinnedNote as Note } from "@/lib/contract/messages.ts";
import { LineForm } from "./LineForm.tsx";

interface PinnedNoteProps {
  note: Note | null;
  /** For the host and moderators: pin a new note, or unpin this one. */
  canEdit: boolean;
  busy: boolean;
  onPin: (text: string) => Promise<boolean>;
  onUnpin: () => void;
}

/** The note pinned on top of chat, and the host's and moderators' form to pin or unpin one. */
export function PinnedNote({ note, canEdit, busy, onPin, onUnpin }: PinnedNoteProps) {
  return (
    <div class="pinned-note-area">
      {note && (
        <p class="pinned-note" role="note" aria-label="Pinned announcement">
          <span class="pinned-text">{note.text}</span>
          {canEdit && <button type="button" class="link" disabled={busy} onClick={onUnpin}>Unpin</button>}
        </p>
      )}
      {canEdit && (
        <LineForm
          kind="pin"
          busy={busy}
          onSend={onPin}
          label="Announcement to pin"
          placeholder="Free shipping over 50 €"
          send="Pin announcement"
          maxLength={PINNED_MAX_LENGTH}
        />
      )}
    </div>
  );
}
