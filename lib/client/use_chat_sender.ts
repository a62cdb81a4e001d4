// Sending chat as people expect of a messenger: what they typed is not lost to a dropped
// connection or a restarting server. Each send gets an id of its own and waits in a queue,
// shown as "Sending…"; while the server cannot be reached it is retried, with backoff and
// at once when the browser is back online, in the order typed. The id makes a resend
// whose first answer was lost post it once. A refusal (too fast, chat closed) is final.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import { ApiError, messageOf, unreachable } from "./api.ts";
import { postChat } from "./chat.ts";
import { sayFor } from "./say_for.ts";

export interface PendingChat {
  sendId: string;
  text: string;
  /** True once a try failed for want of a connection: the page says it will send it later. */
  waiting: boolean;
}

export interface ChatSender {
  pending: Signal<PendingChat[]>;
  /** The last refusal in plain words ("" when none). */
  error: Signal<string>;
  send(text: string): void;
}

// Short: once the server is back, a waiting message should not wait long for its next try.
const MAX_BACKOFF_MS = 4_000;

function newSendId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// The ids of this browser's own messages, as the server answered them (a send id, which
// the room shows everyone, could be copied onto another's line), in its other tabs and
// through reloads (local storage, the last 200): nobody is offered to report themselves.
// None on the server, or where storage is refused.
const SENT = "sf-sent";
let sent: Set<string> | undefined;
function sentIds(): Set<string> {
  try {
    sent ??= new Set(JSON.parse(localStorage.getItem(SENT) ?? "[]"));
  } catch {
    sent = new Set();
  }
  return sent;
}

/** True for a message this browser sent (another tab's since this page last sent show on reload). */
export const sentHere = (message: ChatMessage) => sentIds().has(message.id);

function remember(message: ChatMessage): ChatMessage {
  sent = undefined; // read again: another tab may have sent since
  try {
    localStorage.setItem(SENT, JSON.stringify([...sentIds().add(message.id)].slice(-200)));
  } catch {
    // Kept for this page's life only.
  }
  return message;
}

export function useChatSender(
  streamId: string,
  handlers: { sent(message: ChatMessage): void; refused(text: string): void },
): ChatSender {
  const pending = useSignal<PendingChat[]>([]);
  const error = useSignal("");
  // Whether the queue is being sent, and how to cut a wait short.
  const pump = useRef({ running: false, wake: () => {} });
  useEffect(() => {
    const online = () => pump.current.wake();
    addEventListener("online", online);
    return () => removeEventListener("online", online);
  }, []);

  async function drain() {
    pump.current.running = true;
    for (let delay = 1_000; pending.value.length;) {
      const [next] = pending.value;
      try {
        handlers.sent(remember(await postChat(streamId, next!.text, next!.sendId)));
        delay = 1_000;
      } catch (e) {
        if (unreachable(e)) {
          pending.value = pending.value.map((p) => p === next ? { ...p, waiting: true } : p);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, delay);
            pump.current.wake = () => (clearTimeout(timer), resolve());
          });
          delay = Math.min(delay * 2, MAX_BACKOFF_MS);
          continue;
        }
        const said = `Not sent: ${messageOf(e)}`;
        // "Try again in 9 s" or a timeout is stale once the wait is over: the refusal goes with it.
        const wait = e instanceof ApiError && e.retryAfterSeconds;
        if (wait) sayFor(error, said, wait * 1000);
        else error.value = said;
        handlers.refused(next!.text);
      }
      pending.value = pending.value.filter((p) => p.sendId !== next!.sendId);
    }
    pump.current.running = false;
  }

  return {
    pending,
    error,
    send(text) {
      error.value = "";
      pending.value = [...pending.value, { sendId: newSendId(), text, waiting: false }];
      if (!pump.current.running) void drain();
    },
  };
}
