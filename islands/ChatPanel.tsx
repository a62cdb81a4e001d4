// Live chat on the watch page and in the studio: the server-rendered history, new
// messages from the page's room (topic "chat"), messages a moderator removed (topic
// "removed"), earlier pages when scrolled to the top, what was missed while the room was
// not connected, and the note pinned on top. The host and moderators get the moderation
// controls on each line (after the stream ends too); viewers can report one while it runs.
import { useSignal } from "@preact/signals";
import { ChatLine } from "@/components/ChatLine.tsx";
import { ChatLineActions } from "@/components/ChatLineActions.tsx";
import { LineForm } from "@/components/LineForm.tsx";
import { PinnedNote } from "@/components/PinnedNote.tsx";
import { dropChat, fetchChat, mergeChat, postChat } from "@/lib/client/chat.ts";
import { useLiveState } from "@/lib/client/live_state.ts";
import { canModerate } from "@/lib/client/moderation.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { useChatModeration } from "@/lib/client/use_chat_moderation.ts";
import { useChatScroll } from "@/lib/client/use_chat_scroll.ts";
import { usePinned } from "@/lib/client/use_pinned.ts";
import { CHAT_MAX_LENGTH, CHAT_PAGE_SIZE } from "@/lib/contract/limits.ts";
import type { ChatMessage, ChatRole } from "@/lib/contract/messages.ts";
import type { Pinned } from "@/lib/contract/views.ts";

export interface ChatPanelProps {
  streamId: string;
  /** The newest messages, oldest first, as the server rendered them. */
  initial: ChatMessage[];
  /** False once the stream has ended: the history stays, the form goes. */
  canPost: boolean;
  /** The asker's role in this chat: the host ("seller") and moderators moderate it. */
  role: ChatRole;
  /** The note pinned on top, as the server rendered it. */
  pinned: Pinned;
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

export default function ChatPanel({ streamId, initial, canPost, role, pinned }: ChatPanelProps) {
  // Listen only: the player or the studio connects the page's room; what was sent
  // before it connected, or while it was away, is fetched when it (re)connects.
  const { state: messages, ready, problem } = useLiveState(initial, {
    on: canPost
      ? {
        chat: (held, message) => mergeChat(held, [message]),
        removed: (held, { ids }) => dropChat(held, ids),
      }
      : {},
    refetch: canPost ? (held) => catchUp(streamId, held) : undefined,
    merge: mergeChat,
  });
  const hasEarlier = useSignal(initial.length >= CHAT_PAGE_SIZE);
  const sending = useAction();
  const earlier = useAction();
  const note = usePinned(streamId, pinned, canPost);
  const moderation = useChatModeration(streamId, (ids) => messages.value = dropChat(messages.value, ids));
  const scroll = useChatScroll(messages.value, () => hasEarlier.value && void loadEarlier());
  const add = (incoming: ChatMessage[]) => messages.value = mergeChat(messages.value, incoming);
  const moderates = canPost && canModerate(role);

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

  const send = (text: string) =>
    sending.run(async () => {
      const message = await postChat(streamId, text);
      scroll.stickToBottom();
      add([message]);
    });

  const errors = [problem, earlier.error, sending.error, moderation.error, note.error].map((e) => e.value);
  return (
    <section class="chat-panel" aria-label="Chat" data-ready={ready.value ? "true" : undefined}>
      <PinnedNote
        note={note.pinned.value.note}
        canEdit={moderates}
        busy={note.busy.value}
        onPin={note.pin}
        onUnpin={note.unpin}
      />
      <ol class="chat-messages" role="log" ref={scroll.list} onScroll={scroll.onScroll}>
        <li class="chat-earlier" ref={scroll.top}>
          {hasEarlier.value && (
            <button type="button" class="link" disabled={earlier.busy.value} onClick={loadEarlier}>
              {earlier.busy.value ? "Loading…" : "Load earlier messages"}
            </button>
          )}
        </li>
        {messages.value.length === 0 && <li class="chat-empty muted">No messages yet. Say hello!</li>}
        {messages.value.map((m) => (
          <ChatLine
            key={m.id}
            message={m}
            actions={(canPost || canModerate(role)) && (
              <ChatLineActions message={m} role={role} moderation={moderation} />
            )}
          />
        ))}
      </ol>
      {errors.filter(Boolean).map((error) => (
        <p key={error} class="notice error chat-error" role="alert">{error}</p>
      ))}
      {moderation.done.value && <p class="notice ok chat-done" role="status">{moderation.done.value}</p>}
      {canPost
        ? (
          <LineForm
            kind="chat"
            busy={sending.busy.value}
            onSend={send}
            label="Chat message"
            placeholder="Say something…"
            send="Send"
            maxLength={CHAT_MAX_LENGTH}
          />
        )
        : <p class="muted chat-closed">Chat is closed: this stream has ended.</p>}
    </section>
  );
}
