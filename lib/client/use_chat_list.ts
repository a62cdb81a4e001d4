// The chat list an island shows: the server-rendered history, new messages from the
// page's room (topic "chat"), messages a moderator removed (topic "removed"), earlier
// pages when scrolled to the top, what was missed while the room was away (caught up by
// id), and one's own messages still being sent.
import { type ReadonlySignal, type Signal, useComputed, useSignal } from "@preact/signals";
import { CHAT_PAGE_SIZE } from "@/lib/contract/limits.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import { dropChat, fetchChat, mergeChat, reconcileChat } from "./chat.ts";
import { useLiveState } from "./live_state.ts";
import { type Action, useAction } from "./use_action.ts";
import { type ChatScroll, useChatScroll } from "./use_chat_scroll.ts";
import { type ChatSender, type PendingChat, useChatSender } from "./use_chat_sender.ts";

export interface ChatList {
  messages: Signal<ChatMessage[]>;
  ready: Signal<boolean>;
  problem: Signal<string>;
  hasEarlier: Signal<boolean>;
  earlier: Action;
  loadEarlier(): void;
  scroll: ChatScroll;
  sender: ChatSender;
  /** One's own messages still being sent: not those the room already brought back. */
  unsent: ReadonlySignal<PendingChat[]>;
  /** What is typed: a refused message comes back here. */
  draft: Signal<string>;
  /** Queues the text to send (true: it is taken, the box may empty). */
  send(text: string): boolean;
}

/**
 * The newest page, and every message after the newest one held, page by page: with the
 * newest page, messages removed while the page was away are noticed too (reconcileChat).
 */
async function catchUp(streamId: string, held: ChatMessage[]): Promise<ChatMessage[]> {
  let fetched = await fetchChat(streamId);
  const newest = fetched[0]?.id ?? "";
  for (let last = held.at(-1)?.id; last && last < newest;) {
    const page = await fetchChat(streamId, { after: last });
    fetched = mergeChat(fetched, page);
    last = page.at(-1)?.id ?? last;
    if (page.length < CHAT_PAGE_SIZE) break;
  }
  return fetched;
}

/** `live`: the stream was open when the page was rendered, so the list follows the room. */
export function useChatList(streamId: string, initial: ChatMessage[], live: boolean): ChatList {
  const { state: messages, ready, problem } = useLiveState(initial, {
    on: live
      ? {
        chat: (held, message) => mergeChat(held, [message]),
        removed: (held, { ids }) => dropChat(held, ids),
      }
      : {},
    refetch: live ? (held) => catchUp(streamId, held) : undefined,
    merge: reconcileChat,
  });
  const hasEarlier = useSignal(initial.length >= CHAT_PAGE_SIZE);
  const earlier = useAction();
  const draft = useSignal("");
  const add = (incoming: ChatMessage[]) => messages.value = mergeChat(messages.value, incoming);
  const sender = useChatSender(streamId, {
    sent: (message) => add([message]),
    // Put back, unless something new was typed meanwhile.
    refused: (text) => draft.value ||= text,
  });
  const unsent = useComputed(() => {
    const arrived = new Set(messages.value.map((m) => m.sendId));
    return sender.pending.value.filter((p) => !arrived.has(p.sendId));
  });
  const scroll = useChatScroll(messages.value, sender.pending.value, () => hasEarlier.value && loadEarlier());

  function loadEarlier() {
    const first = messages.value[0]?.id;
    if (!first || earlier.busy.value) return;
    void earlier.run(async () => {
      const page = await fetchChat(streamId, { before: first });
      hasEarlier.value = page.length >= CHAT_PAGE_SIZE;
      scroll.keepPlace();
      add(page);
    });
  }

  return {
    messages,
    ready,
    problem,
    hasEarlier,
    earlier,
    loadEarlier,
    scroll,
    sender,
    unsent,
    draft,
    send(text) {
      scroll.stickToBottom();
      sender.send(text);
      return true;
    },
  };
}
