// The moderation controls of a chat island: the host and moderators delete a message,
// time its author out or ban them; a viewer reports a message. Each answer shows in plain
// words for a few seconds, and what the server removed leaves this screen at once (the
// room tells the rest).
import { type Signal, useSignal } from "@preact/signals";
import type { TimeoutMinutes } from "@/lib/contract/limits.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import * as api from "./moderation.ts";
import { sayFor } from "./say_for.ts";
import { localTime } from "./server_clock.ts";
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

/** `dropped` is called with the ids of messages gone from chat (deleted, or hidden by a ban). */
export function useChatModeration(streamId: string, dropped: (ids: string[]) => void): ChatModeration {
  const { busy, error, run } = useAction();
  const done = useSignal("");
  const reported = useSignal<ReadonlySet<string>>(new Set());
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
        return `${m.name} is banned from your streams.`;
      }),
    report: (m) =>
      act(async () => {
        await api.report(streamId, m.id);
        reported.value = new Set([...reported.value, m.id]);
        return "Thanks: the seller will see your report.";
      }),
  };
}
