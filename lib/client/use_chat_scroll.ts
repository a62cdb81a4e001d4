// Where the chat list scrolls as messages come: it follows new ones while the reader is
// at the bottom, keeps their place when earlier messages are put above, and says when
// the reader reaches the top (time to load earlier ones). Scrolled up, the reader is
// shown how many came since (the log itself reads each to a screen reader).
import type { RefObject } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import { type Signal, useSignal } from "@preact/signals";

/** How close to an end (px) still counts as there. */
const END_PX = 24;

export interface ChatScroll {
  list: RefObject<HTMLDivElement>;
  /** The newest message's id when the reader left the bottom (null while they are there): newer ones are new to them. */
  seen: Signal<string | null>;
  /** Tells where the reader is: at the top calls `atTop`. */
  onScroll(): void;
  /** Before earlier messages are added above: keep what the reader sees where it is. */
  keepPlace(): void;
  /** Before one's own message is added: show it. */
  stickToBottom(): void;
  /** To the newest message, the focus on the list (the button pressed goes). */
  toEnd(): void;
}

/** Call with what the list shows (messages, pending sends): it is placed after each change to them. */
export function useChatScroll(messages: { id: string }[], pending: unknown[], atTop: () => void): ChatScroll {
  const list = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const seen = useSignal<string | null>(null);
  // Distance from the bottom to keep while earlier messages are put above.
  const keepFromBottom = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    if (keepFromBottom.current !== null) el.scrollTop = el.scrollHeight - keepFromBottom.current;
    else if (atBottom.current) el.scrollTop = el.scrollHeight;
    keepFromBottom.current = null;
  }, [messages, pending]);
  return {
    list,
    seen,
    onScroll() {
      const el = list.current!;
      if (el.scrollTop < END_PX) atTop();
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < END_PX;
      seen.value = atBottom.current ? null : seen.value ?? messages.at(-1)?.id ?? "";
    },
    keepPlace() {
      const el = list.current;
      if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
    },
    stickToBottom: () => void (atBottom.current = true),
    toEnd() {
      const el = list.current!;
      el.scrollTop = el.scrollHeight;
      el.focus();
    },
  };
}
