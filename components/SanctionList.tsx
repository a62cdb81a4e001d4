import type { ComponentChildren } from "preact";
import type { Ban } from "@/lib/contract/views.ts";

/** People the shop holds back (its bans, or its running timeouts), each with the button that lets them go. */
export function SanctionList<T extends Ban>({ people, none, says, lift, busy, onLift }: {
  people: T[];
  /** What shows when there is nobody. */
  none: string;
  /** What was done to them, after their name: "banned by Ana at 14:02". */
  says: (person: T) => ComponentChildren;
  /** The button's words, and its accessible name for one person. */
  lift: { text: string; label: (person: T) => string };
  busy: boolean;
  onLift: (person: T) => void;
}) {
  if (!people.length) return <p class="muted">{none}</p>;
  return (
    <ul class="ban-list">
      {people.map((person) => (
        <li key={person.person} class="ban">
          <span>
            <strong>{person.name}</strong> {says(person)}
          </span>
          <button
            type="button"
            disabled={busy}
            aria-label={lift.label(person)}
            onClick={() => onLift(person)}
          >
            {lift.text}
          </button>
        </li>
      ))}
    </ul>
  );
}
