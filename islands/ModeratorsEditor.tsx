// The seller names their moderators (other sellers, by their account's email) and
// removes them. A moderator gets the moderation controls in the chat of every stream of
// the shop, on its watch page, and a "Mod" badge. An email refused for what it is (no
// seller uses it, one's own) is marked, its reason beside it, and the focus goes to it,
// as a refused form's page does (components/FieldError.tsx). The list follows the shop's
// moderation log (topic "moderation"): a moderator stepping down, or named or removed in
// another tab, shows here without a reload.
import { useSignal } from "@preact/signals";
import { useRef } from "preact/hooks";
import { ApiError } from "@/lib/client/api.ts";
import { useLiveState } from "@/lib/client/live_state.ts";
import { sayFor } from "@/lib/client/say_for.ts";
import { addModerator, fetchModerators, removeModerator } from "@/lib/client/shop_moderation.ts";
import { useAction } from "@/lib/client/use_action.ts";
import type { Moderator } from "@/lib/contract/views.ts";

export interface ModeratorsEditorProps {
  shopId: string;
  initial: Moderator[];
}

export default function ModeratorsEditor({ shopId, initial }: ModeratorsEditorProps) {
  const { state: moderators, problem } = useLiveState(initial, {
    on: {},
    refetch: () => fetchModerators(shopId),
    refetchOn: ["moderation"],
  });
  const email = useSignal("");
  // What the last removal did, said for a few seconds.
  const done = useSignal("");
  const heading = useRef<HTMLHeadingElement>(null);
  const { busy, error, run } = useAction();
  // Whether the last refusal is about the email typed: then it shows beside the field.
  const badEmail = useSignal(false);
  const box = useRef<HTMLInputElement>(null);
  async function add(event: Event) {
    event.preventDefault();
    await run(async () => {
      try {
        const { moderator } = await addModerator(shopId, email.value.trim());
        moderators.value = [...moderators.value.filter((m) => m.sellerId !== moderator.sellerId), moderator];
        email.value = "";
        badEmail.value = false;
      } catch (e) {
        // Not an email or one's own (400), or no seller's (404); a wait or a full list is not the email's fault.
        badEmail.value = e instanceof ApiError && (e.status === 400 || e.status === 404);
        throw e;
      }
    });
    if (badEmail.value) box.current?.focus();
  }
  // Its button goes with them: the focus goes to the heading, and it is said.
  const remove = (moderator: Moderator) =>
    run(async () => {
      badEmail.value = false;
      await removeModerator(shopId, moderator.sellerId);
      moderators.value = moderators.value.filter((m) => m.sellerId !== moderator.sellerId);
      heading.current?.focus();
      sayFor(done, `Removed ${moderator.name} as a moderator.`);
    });
  return (
    <section class="card moderators" aria-label="Moderators">
      <h3 tabIndex={-1} ref={heading}>Moderators</h3>
      {[problem.value, !badEmail.value && error.value].filter(Boolean).map((e) => (
        <p key={e} class="notice error" role="alert">{e}</p>
      ))}
      {/* In the list from the first render: a live region added with its words is often not read. */}
      <div role="status">{done.value && <p class="notice ok">{done.value}</p>}</div>
      {moderators.value.length
        ? (
          <ul class="moderator-list">
            {moderators.value.map((m) => (
              <li key={m.sellerId}>
                <span>
                  <strong>{m.name}</strong> <span class="muted">{m.email}</span>
                </span>
                <button
                  type="button"
                  disabled={busy.value}
                  aria-label={`Remove moderator ${m.name}`}
                  onClick={() => remove(m)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )
        : <p class="muted">No moderators yet. They need a seller account of their own.</p>}
      <form class="moderator-form" onSubmit={add} novalidate>
        <label>
          Moderator's email
          <input
            type="email"
            name="email"
            required
            value={email.value}
            onInput={(e) => email.value = e.currentTarget.value}
            autocomplete="off"
            ref={box}
            aria-invalid={badEmail.value || undefined}
            aria-describedby={badEmail.value ? "moderator-email-error" : undefined}
          />
        </label>
        <button type="submit" disabled={busy.value}>Add moderator</button>
        {/* Under the field, read with it as the focus lands on it. */}
        {badEmail.value && <p id="moderator-email-error" class="field-error">{error.value}</p>}
      </form>
    </section>
  );
}
