// Where the chat list scrolls as messages come: it follows new ones while the reader is
// at the bottom, keeps their place when earlier messages are put above, and says when
// the reader reaches the top (time to load earlier ones).
import type { RefObject } from "preact";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";

/** How close to the bottom (px) still counts as "at the bottom". */
const STICK_PX = 24;

export interface ChatScroll {
  list: RefObject<HTMLDivElement>;
  /** The item at the top of the list: seeing it calls `atTop`. */
  top: RefObject<HTMLLIElement>;
  onScroll(): void;
  /** Before earlier messages are added above: keep what the reader sees where it is. */
  keepPlace(): void;
  /** Before one's own message is added: show it. */
  stickToBottom(): void;
}

/** Call with what the list shows (messages, pending sends): it is placed after each change to them. */
export function useChatScroll(shown: unknown[], atTop: () => void): ChatScroll {
  const list = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLLIElement>(null);
  const atBottom = useRef(true);
  // Distance from the bottom to keep while earlier messages are put above.
  const keepFromBottom = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    if (keepFromBottom.current !== null) el.scrollTop = el.scrollHeight - keepFromBottom.current;
    else if (atBottom.current) el.scrollTop = el.scrollHeight;
    keepFromBottom.current = null;
  }, shown);
  useEffect(() => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) atTop();
    }, { root: list.current });
    if (top.current) observer.observe(top.current);
    return () => observer.disconnect();
  }, []);
  return {
    list,
    top,
    onScroll() {
      const el = list.current!;
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    },
    keepPlace() {
      const el = list.current;
      if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
    },
    stickToBottom: () => void (atBottom.current = true),
  };
}
