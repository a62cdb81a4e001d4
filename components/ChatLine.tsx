import type { ChatMessage } from "@/lib/contract/messages.ts";
import type { PendingChat } from "@/lib/client/use_chat_sender.ts";

/** One chat message. The text is a text node: HTML in it shows literally. */
export function ChatLine({ message }: { message: ChatMessage }) {
  return (
    <li class={`chat-message chat-${message.role}`} data-id={message.id}>
      <span class="chat-name">{message.name}</span>
      {message.role === "seller" && <span class="badge chat-badge">Seller</span>}{" "}
      <span class="chat-text">{message.text}</span>
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
