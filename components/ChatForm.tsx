import { useSignal } from "@preact/signals";
import { CHAT_MAX_LENGTH } from "@/lib/contract/limits.ts";

interface ChatFormProps {
  busy: boolean;
  /** Sends the text; resolves true once it is posted (the box then empties). */
  onSend: (text: string) => Promise<boolean>;
}

/** The chat box and its Send button. */
export function ChatForm({ busy, onSend }: ChatFormProps) {
  const draft = useSignal("");
  async function send(event: Event) {
    event.preventDefault();
    const text = draft.value.trim();
    if (text && !busy && await onSend(text)) draft.value = "";
  }
  return (
    <form class="chat-form" onSubmit={send}>
      <input
        class="chat-input"
        name="text"
        value={draft.value}
        onInput={(e) => draft.value = e.currentTarget.value}
        maxLength={CHAT_MAX_LENGTH}
        required
        autocomplete="off"
        enterKeyHint="send"
        placeholder="Say something…"
        aria-label="Chat message"
      />
      <button type="submit" class="primary chat-send" disabled={busy}>Send</button>
    </form>
  );
}
