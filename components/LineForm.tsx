import { type Signal, useSignal } from "@preact/signals";

interface LineFormProps {
  /** Names its classes: `${kind}-form`, `${kind}-input`, `${kind}-send`. */
  kind: "chat" | "pin";
  /** While true, the button waits. */
  busy?: boolean;
  /** What is typed, when the owner keeps it (to put a refused text back). */
  draft?: Signal<string>;
  /** Sends the text; true (or a promise of true) once it is taken: the box then empties. */
  onSend: (text: string) => boolean | Promise<boolean>;
  /** The box's accessible name, its placeholder, the button's words and the longest text. */
  label: string;
  placeholder: string;
  send: string;
  maxLength: number;
}

/** A one-line box and its button: the chat's, and the pinned note's. */
export function LineForm(
  { kind, busy = false, draft: kept, onSend, label, placeholder, send, maxLength }: LineFormProps,
) {
  const own = useSignal("");
  const draft = kept ?? own;
  async function submit(event: Event) {
    event.preventDefault();
    const text = draft.value.trim();
    if (text && !busy && await onSend(text)) draft.value = "";
  }
  return (
    // The chat's posts to the page itself, which sends it when no JavaScript runs; without an
    // address of its own, a send before the island wakes waits for it (lib/fresh/early_input.ts).
    <form class={`${kind}-form`} method={kind === "chat" ? "post" : undefined} onSubmit={submit}>
      <input
        id={`${kind}-box`}
        class={`${kind}-input`}
        name="text"
        value={draft.value}
        onInput={(e) => draft.value = e.currentTarget.value}
        maxLength={maxLength}
        required
        autocomplete="off"
        enterKeyHint="send"
        placeholder={placeholder}
        aria-label={label}
      />
      <button type="submit" class={`primary ${kind}-send`} disabled={busy}>{send}</button>
    </form>
  );
}
