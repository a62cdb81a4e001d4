import { localTime } from "@/lib/contract/dates.ts";
import type { ModerationEntry } from "@/lib/contract/views.ts";

const DONE: Record<ModerationEntry["action"], string> = {
  delete: "deleted a message from",
  timeout: "timed out",
  ban: "banned",
  unban: "lifted the ban on",
  untimeout: "lifted the timeout of",
  pin: "pinned an announcement",
  unpin: "unpinned the announcement",
  dismiss: "dismissed a report of",
  rules: "changed the chat rules",
  moderator_added: "named a moderator:",
  moderator_removed: "removed a moderator:",
};

/** The shop's moderation log, newest first: who did what, when, in the seller's own time. */
export function ModerationLog({ entries }: { entries: ModerationEntry[] }) {
  if (!entries.length) return <p class="muted">Nothing yet: what you and your moderators do shows here.</p>;
  return (
    <ol class="moderation-log">
      {entries.map((e) => (
        <li key={e.id} data-action={e.action}>
          <time dateTime={e.at}>{localTime(e.at)}</time> <strong>{e.by}</strong> {DONE[e.action]}
          {e.target && (
            <>
              {" "}
              <strong>{e.target}</strong>
            </>
          )}
          {e.detail && (
            <>
              : <bdi class="log-detail">{e.detail}</bdi>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
