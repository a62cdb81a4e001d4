import { localTime } from "@/lib/client/server_clock.ts";
import type { Ban } from "@/lib/contract/views.ts";

/** The shop's bans, each with its Unban button. */
export function BanList(
  { bans, busy, onUnban }: { bans: Ban[]; busy: boolean; onUnban: (ban: Ban) => void },
) {
  if (!bans.length) return <p class="muted">Nobody is banned.</p>;
  return (
    <ul class="ban-list">
      {bans.map((ban) => (
        <li key={ban.person} class="ban">
          <span>
            <strong>{ban.name}</strong> banned by {ban.by} at{" "}
            <time dateTime={ban.at}>{localTime(ban.at)}</time>
          </span>
          <button type="button" disabled={busy} aria-label={`Unban ${ban.name}`} onClick={() => onUnban(ban)}>
            Unban
          </button>
        </li>
      ))}
    </ul>
  );
}
