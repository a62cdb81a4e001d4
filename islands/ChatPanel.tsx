// Live chat on the watch page and in the studio: the server-rendered history, new
// messages from the page's room (topic "chat"), earlier pages when scrolled to the top,
// and what was missed while the room was not connected.
import { useSignal } from "@preact/signals";
import { ChatForm } from "@/components/ChatForm.tsx";
import { ChatLine, PendingLine } from "@/components/ChatLine.tsx";
import { fetchChat, mergeChat } from "@/lib/client/chat.ts";
import { useLiveState } from "@/lib/client/live_state.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { endedNow } from "@/lib/client/stream_status.ts";
import { useChatScroll } from "@/lib/client/use_chat_scroll.ts";
import { useChatSender } from "@/lib/client/use_chat_sender.ts";
import { CHAT_PAGE_SIZE } from "@/lib/contract/limits.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";

export interface ChatPanelProps {
  streamId: string;
  /** The newest messages, oldest first, as the server rendered them. */
  initial: ChatMessage[];
  /** False once the stream has ended: the history stays, the form goes. */
  canPost: boolean;
}

/** Every message after the newest one held, page by page. */
async function catchUp(streamId: string, held: ChatMessage[]): Promise<ChatMessage[]> {
  const fetched: ChatMessage[] = [];
  for (let last = held.at(-1)?.id;;) {
    const page = await fetchChat(streamId, last ? { after: last } : {});
    fetched.push(...page);
    last = page.at(-1)?.id ?? last;
    if (page.length < CHAT_PAGE_SIZE) return fetched;
  }
}

export default function ChatPanel({ streamId, initial, canPost: openAtLoad }: ChatPanelProps) {
  // The box goes the moment the stream ends, on every open page.
  const canPost = openAtLoad && !endedNow();
  // Listen only: the player or the studio connects the page's room; what was sent
  // before it connected, or while it was away, is fetched when it (re)connects.
  const { state: messages, ready, problem } = useLiveState(initial, {
    on: openAtLoad ? { chat: (held, message) => mergeChat(held, [message]) } : {},
    refetch: openAtLoad ? (held) => catchUp(streamId, held) : undefined,
    merge: mergeChat,
  });
  const hasEarlier = useSignal(initial.length >= CHAT_PAGE_SIZE);
  const draft = useSignal("");
  const earlier = useAction();
  const sender = useChatSender(streamId, {
    sent: (message) => add([message]),
    // Put back, unless something new was typed meanwhile.
    refused: (text) => draft.value ||= text,
  });
  const scroll = useChatScroll(
    [messages.value, sender.pending.value],
    () => hasEarlier.value && void loadEarlier(),
  );
  const add = (incoming: ChatMessage[]) => messages.value = mergeChat(messages.value, incoming);
  const send = (text: string) => {
    scroll.stickToBottom();
    sender.send(text);
  };
  function loadEarlier() {
    const first = messages.value[0]?.id;
    if (!first || earlier.busy.value) return;
    return earlier.run(async () => {
      const page = await fetchChat(streamId, { before: first });
      hasEarlier.value = page.length >= CHAT_PAGE_SIZE;
      scroll.keepPlace();
      add(page);
    });
  }

  return (
    <section class="chat-panel" aria-label="Chat" data-ready={ready.value ? "true" : undefined}>
      <ol class="chat-messages" role="log" ref={scroll.list} onScroll={scroll.onScroll}>
        <li class="chat-earlier" ref={scroll.top}>
          {hasEarlier.value && (
            <button type="button" class="link" disabled={earlier.busy.value} onClick={loadEarlier}>
              {earlier.busy.value ? "Loading…" : "Load earlier messages"}
            </button>
          )}
        </li>
        {messages.value.length === 0 && <li class="chat-empty muted">No messages yet. Say hello!</li>}
        {messages.value.map((m) => <ChatLine key={m.id} message={m} />)}
        {sender.pending.value.map((p) => <PendingLine key={p.sendId} pending={p} />)}
      </ol>
      {[problem.value, earlier.error.value, sender.error.value].filter(Boolean).map((error) => (
        <p key={error} class="notice error chat-error" role="alert">{error}</p>
      ))}
      {canPost
        ? <ChatForm draft={draft} onSend={send} />
        : <p class="muted chat-closed">Chat is closed: this stream has ended.</p>}
    </section>
  );
}
