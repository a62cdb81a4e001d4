import type { ChatMessage } from "@/lib/contract/messages.ts";

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
