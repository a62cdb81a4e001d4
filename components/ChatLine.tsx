import type { ComponentChildren } from "preact";
import type { ChatMessage, ChatRole } from "@/lib/contract/messages.ts";

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
