import type { Signal } from "@preact/signals";
import { CHAT_MAX_LENGTH } from "@/lib/contract/limits.ts";

interface ChatFormProps {
  /** What is typed: the panel puts a refused message back here. */
  draft: Signal<string>;
  /** Takes the text to send; the box empties at once (sending waits out a lost connection). */
  onSend: (text: string) => void;
}

/** The chat box and its Send button. */
export function ChatForm({ draft, onSend }: ChatFormProps) {
  function send(event: Event) {
    event.preventDefault();
    const text = draft.value.trim();
    if (!text) return;
    onSend(text);
    draft.value = "";
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
      <button type="submit" class="primary chat-send">Send</button>
    </form>
  );
}
