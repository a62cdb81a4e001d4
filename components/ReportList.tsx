import type { ChatModeration } from "@/lib/client/use_chat_moderation.ts";
import type { Report } from "@/lib/contract/views.ts";
import { ModerationButtons } from "./ModerationButtons.tsx";

interface ReportListProps {
  reports: Report[];
  moderation: ChatModeration;
  onDismiss: (messageId: string) => void;
}

/**
 * Viewers' reports, newest first, each with one-click dismiss, time out, delete or ban: the
 * harmless first, Ban last and apart (the stylesheet), in the order the keyboard meets them.
 */
export function ReportList({ reports, moderation, onDismiss }: ReportListProps) {
  if (!reports.length) return <p class="muted">No reports.</p>;
  return (
    <ul class="report-list">
      {reports.map(({ message, count }) => (
        <li key={message.id} class="report" data-id={message.id}>
          <p class="report-message">
            <strong>{message.name}</strong>: <span class="report-text">{message.text}</span>{" "}
            <span class="muted">({count === 1 ? "1 report" : `${count} reports`})</span>
          </p>
          <span class="item-actions">
            <button
              type="button"
              disabled={moderation.busy.value}
              aria-label={`Dismiss report of ${message.name}'s message`}
              onClick={() => onDismiss(message.id)}
            >
              Dismiss
            </button>
            <ModerationButtons message={message} moderation={moderation} deletes />
          </span>
        </li>
      ))}
    </ul>
  );
}
