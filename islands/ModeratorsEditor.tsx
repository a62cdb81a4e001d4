// The seller names their moderators (other sellers, by their account's email) and
// removes them. A moderator gets the moderation controls in the chat of every stream of
// the shop, on its watch page, and a "Mod" badge.
import { useSignal } from "@preact/signals";
import { addModerator, removeModerator } from "@/lib/client/shop_moderation.ts";
import { useAction } from "@/lib/client/use_action.ts";
import type { Moderator } from "@/lib/contract/views.ts";

export interface ModeratorsEditorProps {
  shopId: string;
  initial: Moderator[];
}

export default function ModeratorsEditor({ shopId, initial }: ModeratorsEditorProps) {
  const moderators = useSignal(initial);
  const email = useSignal("");
  const { busy, error, run } = useAction();
  async function add(event: Event) {
    event.preventDefault();
    await run(async () => {
      const { moderator } = await addModerator(shopId, email.value.trim());
      moderators.value = [...moderators.value.filter((m) => m.sellerId !== moderator.sellerId), moderator];
      email.value = "";
    });
  }
  const remove = (moderator: Moderator) =>
    run(async () => {
      await removeModerator(shopId, moderator.sellerId);
      moderators.value = moderators.value.filter((m) => m.sellerId !== moderator.sellerId);
    });
  return (
    <section class="card moderators" aria-label="Moderators">
      <h3>Moderators</h3>
      {error.value && <p class="notice error" role="alert">{error.value}</p>}
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
      <form class="moderator-form" onSubmit={add}>
        <label>
          Moderator's email
          <input
            type="email"
            name="email"
            required
            value={email.value}
            onInput={(e) => email.value = e.currentTarget.value}
            autocomplete="off"
          />
        </label>
        <button type="submit" disabled={busy.value}>Add moderator</button>
      </form>
    </section>
  );
}
