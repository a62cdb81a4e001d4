import type { ComponentChildren } from "preact";
import type { ChatMessage, ChatRole } from "@/lib/contract/messages.ts";
import type { PendingChat } from "@/lib/client/use_chat_sender.ts";

const BADGES: Record<ChatRole, string | null> = { seller: "Host", moderator: "Mod", viewer: null };

/** One chat message, with the host's or a moderator's badge. The text is a text node: HTML in it shows literally. */
export function ChatLine({ message, actions }: { message: ChatMessage; actions?: ComponentChildren }) {
  const badge = BADGES[message.role];
  return (
    <li class={`chat-message chat-${message.role}`} data-id={message.id}>
      <span class="chat-name">{message.name}</span>
      {badge && <span class={`badge chat-badge badge-${message.role}`}>{badge}</span>}{" "}
      <span class="chat-text">{message.text}</span>
      {actions}
    </li>
  );
}

/** A message of one's own not yet stored: sending, or waiting for the connection to come back. */
export function PendingLine({ pending }: { pending: PendingChat }) {
  return (
    <li class="chat-message chat-pending">
      <span class="chat-name">You</span> <span class="chat-text">{pending.text}</span>{" "}
      <span class="chat-state muted">
        {pending.waiting ? "Not sent yet: will send when the connection is back" : "Sending…"}
      </span>
    </li>
  );
}
