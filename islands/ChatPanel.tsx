// Live chat on the watch page and in the studio (lib/client/use_chat_list.ts keeps the
// list), with the note pinned on top. The host and moderators get the moderation
// controls on each line (after the stream ends too); viewers can report one while it
// runs, and see when a moderator has timed them out. The box closes the moment the
// stream ends, on every open page. A guest's name form below it saves in place.
import { useEffect } from "preact/hooks";
import { ChatLine, PendingLine } from "@/components/ChatLine.tsx";
import { ChatLineActions } from "@/components/ChatLineActions.tsx";
import { LineForm } from "@/components/LineForm.tsx";
import { PinnedNote } from "@/components/PinnedNote.tsx";
import { dropChat } from "@/lib/client/chat.ts";
import { saveGuestNames } from "@/lib/client/guest_name.ts";
import { canModerate } from "@/lib/client/moderation.ts";
import { localTime } from "@/lib/contract/dates.ts";
import { closedNow, removed } from "@/lib/client/stream_status.ts";
import { useChatList } from "@/lib/client/use_chat_list.ts";
import { useChatModeration } from "@/lib/client/use_chat_moderation.ts";
import { usePinned } from "@/lib/client/use_pinned.ts";
import { useStanding } from "@/lib/client/use_standing.ts";
import { CHAT_MAX_LENGTH } from "@/lib/contract/limits.ts";
import type { ChatMessage, ChatRole } from "@/lib/contract/messages.ts";
import type { Pinned } from "@/lib/contract/views.ts";

export interface ChatPanelProps {
  streamId: string;
  /** The newest messages, oldest first, as the server rendered them. */
  initial: ChatMessage[];
  /** False once the stream has ended (or the viewer was turned away): the history stays, the form goes. */
  canPost: boolean;
  /** True when the viewer was turned away (banned, the stream full): no form, nor "Chat is closed". */
  turnedAway?: boolean;
  /** The asker's role in this chat: the host ("seller") and moderators moderate it. */
  role: ChatRole;
  /** The note pinned on top, as the server rendered it. */
  pinned: Pinned;
  /** Set while a moderator has timed the viewer out (ISO), as the server rendered it. */
  timedOutUntil?: string | null;
}

export default function ChatPanel(
  { streamId, initial, canPost: openAtLoad, turnedAway, role: roleAtLoad, pinned, timedOutUntil = null }:
    ChatPanelProps,
) {
  const canPost = openAtLoad && !closedNow();
  const chat = useChatList(streamId, initial, openAtLoad);
  const { messages, earlier, scroll } = chat;
  const note = usePinned(streamId, pinned, canPost);
  const moderation = useChatModeration(
    streamId,
    (ids) => messages.value = dropChat(messages.value, ids),
    scroll.list,
  );
  // Lines that came while the reader was scrolled up.
  const seen = scroll.seen.value;
  const fresh = seen === null ? 0 : messages.value.filter((m) => m.id > seen).length;
  const standing = useStanding(timedOutUntil).value;
  const role = standing.role ?? roleAtLoad;
  const moderates = canPost && canModerate(role);
  useEffect(saveGuestNames, []);
  const errors = [chat.problem, earlier.error, chat.sender.error, moderation.error, note.error].map((e) =>
    e.value
  );
  return (
    <section
      id="chat"
      class="chat-panel"
      aria-label="Chat"
      data-ready={chat.ready.value || undefined}
    >
      <PinnedNote
        note={note.pinned.value.note}
        canEdit={moderates}
        busy={note.busy.value}
        onPin={note.pin}
        onUnpin={note.unpin}
      />
      {/* Past every line's Report button, by keyboard, in one step. */}
      {canPost && (
        <a
          class="skip-link"
          href="#chat-box"
          onClick={(e) => (e.preventDefault(), document.getElementById("chat-box")?.focus())}
        >
          Skip to the message box
        </a>
      )}
      <div class="chat-history">
        <div
          class="chat-messages"
          role="log"
          aria-label="Chat history"
          tabIndex={0}
          ref={scroll.list}
          onScroll={scroll.onScroll}
        >
          <ol class="chat-lines">
            <li class="chat-earlier">
              {chat.hasEarlier.value && (
                <button type="button" class="link" disabled={earlier.busy.value} onClick={chat.loadEarlier}>
                  {earlier.busy.value ? "Loading…" : "Load earlier messages"}
                </button>
              )}
            </li>
            {messages.value.length === 0 && (
              <li class="chat-empty muted">{canPost ? "No messages yet. Say hello!" : "No messages."}</li>
            )}
            {messages.value.map((m) => (
              <ChatLine
                key={m.id}
                message={m}
                actions={(canPost || canModerate(role)) && (
                  <ChatLineActions message={m} role={role} moderation={moderation} />
                )}
              />
            ))}
            {chat.unsent.value.map((p) => <PendingLine key={p.sendId} pending={p} />)}
          </ol>
        </div>
        {/* Outside the log, which reads each new line as it comes: not a count changing with each. */}
        {!!fresh && (
          <button type="button" class="chat-new" onClick={scroll.toEnd}>
            {fresh} new message{fresh > 1 && "s"}
          </button>
        )}
      </div>
      {errors.filter(Boolean).map((error) => (
        <p key={error} class="notice error chat-error" role="alert">{error}</p>
      ))}
      {/* There from the first render: a live region added with its words is often not read. */}
      <div class="chat-said" role="status">
        {!!moderation.done.value && <p class="notice ok chat-done">{moderation.done.value}</p>}
      </div>
      {canPost && standing.until && (
        <p class="notice chat-standing" role="status">
          A moderator timed you out. You can chat again at {localTime(standing.until, true)}.
        </p>
      )}
      {standing.role && (
        <p class="notice chat-standing" role="status">
          {moderates ? "The seller made you a moderator of this chat." : "You no longer moderate this chat."}
        </p>
      )}
      {canPost && standing.lifted && (
        <p class="notice ok chat-standing" role="status">
          Your timeout is over: you can chat again.
        </p>
      )}
      {canPost
        ? (
          <LineForm
            kind="chat"
            busy={!!standing.until}
            draft={chat.draft}
            onSend={chat.send}
            label="Chat message"
            placeholder="Say something…"
            send="Send"
            maxLength={CHAT_MAX_LENGTH}
          />
        )
        : !turnedAway && !removed.value && (
          <p class="muted chat-closed">Chat is closed: this stream has ended.</p>
        )}
    </section>
  );
}
