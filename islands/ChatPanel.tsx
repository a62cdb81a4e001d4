// Live chat on the watch page and in the studio: the server-rendered history, new
// messages from the page's room (topic "chat"), earlier pages when scrolled to the top,
// and what was missed while the room was not connected.
import { useSignal } from "@preact/signals";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { RoomEvent } from "livekit-client";
import { ChatLine } from "../components/ChatLine.tsx";
import { messageOf } from "../lib/client/api.ts";
import { CHAT_PAGE_SIZE, fetchChat, mergeChat, postChat } from "../lib/client/chat.ts";
import { liveRoom } from "../lib/client/live_room.ts";
import type { ChatMessage } from "../lib/messages.ts";

export interface ChatPanelProps {
  streamId: string;
  /** The newest messages, oldest first, as the server rendered them. */
  initial: ChatMessage[];
  /** False once the stream has ended: the history stays, the form goes. */
  canPost: boolean;
}

/** How close to the bottom (px) still counts as "at the bottom" for auto-scrolling. */
const STICK_PX = 24;

export default function ChatPanel({ streamId, initial, canPost }: ChatPanelProps) {
  const messages = useSignal(initial);
  const hasEarlier = useSignal(initial.length >= CHAT_PAGE_SIZE);
  const loadingEarlier = useSignal(false);
  const draft = useSignal("");
  const sending = useSignal(false);
  const error = useSignal("");
  const ready = useSignal(false);
  const list = useRef<HTMLOListElement>(null);
  const top = useRef<HTMLLIElement>(null);
  const atBottom = useRef(true);
  // Distance from the bottom to keep while earlier messages are put above.
  const keepFromBottom = useRef<number | null>(null);

  const add = (incoming: ChatMessage[]) => messages.value = mergeChat(messages.value, incoming);

  async function catchUp() {
    try {
      for (;;) {
        const last = messages.value.at(-1)?.id;
        const page = await fetchChat(streamId, last ? { after: last } : {});
        add(page);
        if (page.length < CHAT_PAGE_SIZE) return;
      }
    } catch (e) {
      error.value = `Some messages may be missing. ${messageOf(e)}`;
    }
  }

  async function loadEarlier() {
    const first = messages.value[0]?.id;
    if (!first || loadingEarlier.value || !list.current) return;
    loadingEarlier.value = true;
    try {
      const page = await fetchChat(streamId, { before: first });
      hasEarlier.value = page.length >= CHAT_PAGE_SIZE;
      keepFromBottom.current = list.current.scrollHeight - list.current.scrollTop;
      add(page);
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      loadingEarlier.value = false;
    }
  }

  async function send(event: Event) {
    event.preventDefault();
    const text = draft.value.trim();
    if (!text || sending.value) return;
    sending.value = true;
    error.value = "";
    try {
      const message = await postChat(streamId, text);
      atBottom.current = true;
      add([message]);
      draft.value = "";
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      sending.value = false;
    }
  }

  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    if (keepFromBottom.current !== null) el.scrollTop = el.scrollHeight - keepFromBottom.current;
    else if (atBottom.current) el.scrollTop = el.scrollHeight;
    keepFromBottom.current = null;
  }, [messages.value]);

  useEffect(() => {
    const observer = new IntersectionObserver((entries) => {
      if (hasEarlier.value && entries.some((e) => e.isIntersecting)) void loadEarlier();
    }, { root: list.current });
    if (top.current) observer.observe(top.current);
    ready.value = true;
    if (!canPost) return () => observer.disconnect();
    // Listen only: the player or the studio connects the page's room. Messages sent
    // before it connected, or while it was away, are fetched when it (re)connects.
    const live = liveRoom();
    const onConnected = () => void catchUp();
    live.room.on(RoomEvent.Connected, onConnected);
    const offs = [live.on("chat", (m) => add([m])), live.onResync(onConnected)];
    return () => {
      observer.disconnect();
      live.room.off(RoomEvent.Connected, onConnected);
      offs.forEach((off) => off());
    };
  }, []);

  const onScroll = () => {
    const el = list.current!;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };
  return (
    <section class="chat-panel" aria-label="Chat" data-ready={ready.value ? "true" : undefined}>
      <ol class="chat-messages" role="log" ref={list} onScroll={onScroll}>
        <li class="chat-earlier" ref={top}>
          {hasEarlier.value && (
            <button type="button" class="link" disabled={loadingEarlier.value} onClick={loadEarlier}>
              {loadingEarlier.value ? "Loading…" : "Load earlier messages"}
            </button>
          )}
        </li>
        {messages.value.length === 0 && <li class="chat-empty muted">No messages yet. Say hello!</li>}
        {messages.value.map((m) => <ChatLine key={m.id} message={m} />)}
      </ol>
      {error.value && <p class="notice error chat-error" role="alert">{error.value}</p>}
      {canPost
        ? (
          <form class="chat-form" onSubmit={send}>
            <input
              class="chat-input"
              name="text"
              value={draft.value}
              onInput={(e) => draft.value = e.currentTarget.value}
              maxLength={500}
              required
              autocomplete="off"
              enterKeyHint="send"
              placeholder="Say something…"
              aria-label="Chat message"
            />
            <button type="submit" class="primary chat-send" disabled={sending.value}>Send</button>
          </form>
        )
        : <p class="muted chat-closed">Chat is closed: this stream has ended.</p>}
    </section>
  );
}
