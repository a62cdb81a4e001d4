// The moderation controls of a chat island: the host and moderators delete a message,
// time its author out or ban them; a viewer reports a message. Each answer shows in plain
// words for a few seconds, and what the server removed leaves this screen at once (the
// room tells the rest).
import type { RefObject } from "preact";
import { type Signal, useSignal } from "@preact/signals";
import type { TimeoutMinutes } from "@/lib/contract/limits.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import * as api from "./moderation.ts";
import { sayFor } from "./say_for.ts";
import { localTime } from "@/lib/contract/dates.ts";
import { type Action, useAction } from "./use_action.ts";

export interface ChatModeration extends Omit<Action, "run"> {
  /** What the last action did, in plain words, for a few seconds ("Ann can chat again at 14:32"). */
  done: Signal<string>;
  /** The messages this viewer has reported. */
  reported: Signal<ReadonlySet<string>>;
  remove(message: ChatMessage): Promise<boolean>;
  timeOut(message: ChatMessage, minutes: TimeoutMinutes): Promise<boolean>;
  ban(message: ChatMessage): Promise<boolean>;
  report(message: ChatMessage): Promise<boolean>;
}

/**
 * `dropped` is called with the ids of messages gone from chat (deleted, or hidden by a ban);
 * `log`, the chat's list, takes the focus from a line that goes.
 */
export function useChatModeration(
  streamId: string,
  dropped: (ids: string[]) => void,
  log?: RefObject<HTMLElement>,
): ChatModeration {
  const { busy, error, run } = useAction();
  const done = useSignal("");
  const reported = useSignal<ReadonlySet<string>>(new Set());
  // A line deleted (at once) or its author banned (as the room hides their lines) goes with
  // the button pressed (a report turns it off), and the focus would fall to the page: it stays
  // in the chat, unless the person took it elsewhere meanwhile.
  const stayInChat = () => {
    const focused = document.activeElement;
    if (!focused || focused === document.body || focused.closest(".chat-message")) log?.current?.focus();
  };
  const act = (action: () => Promise<string>) =>
    run(async () => {
      done.value = "";
      sayFor(done, await action());
    });
  return {
    busy,
    error,
    done,
    reported,
    remove: (m) =>
      act(async () => {
        await api.deleteMessage(streamId, m.id);
        dropped([m.id]);
        stayInChat();
        return `Deleted ${m.name}'s message.`;
      }),
    timeOut: (m, minutes) =>
      act(async () => {
        const { until } = await api.timeOut(streamId, m.id, minutes);
        return `${m.name} is timed out: they can chat again at ${localTime(until, true)}.`;
      }),
    ban: (m) =>
      act(async () => {
        await api.ban(streamId, m.id);
        stayInChat();
        return `${m.name} is banned from this shop's streams.`;
      }),
    report: (m) =>
      act(async () => {
        await api.report(streamId, m.id);
        reported.value = new Set([...reported.value, m.id]);
        // Its button, now "Reported", is off: it can hold the focus no more than a line gone.
        stayInChat();
        return "Thanks: the seller will see your report.";
      }),
  };
}
