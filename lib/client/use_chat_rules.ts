// The seller's chat rules as the editor holds them until saved: blocked words are typed one
// a line and sent as a list, and any change takes back the "saved" notice.
import { type Signal, useSignal } from "@preact/signals";
import type { ChatRules } from "@/lib/contract/views.ts";
import { saveRules } from "./shop_moderation.ts";
import { type Action, useAction } from "./use_action.ts";

export interface ChatRulesDraft extends Omit<Action, "run"> {
  rules: Signal<ChatRules>;
  /** The blocked words as typed, one a line. */
  blocked: Signal<string>;
  /** True once the rules shown are saved, until the next change. */
  saved: Signal<boolean>;
  change(patch: Partial<ChatRules>): void;
  setBlocked(text: string): void;
  /** Saves the rules and shows them as the server kept them. */
  save(): Promise<void>;
}

const words = (text: string) => text.split("\n").map((w) => w.trim()).filter(Boolean);

export function useChatRules(shopId: string, initial: ChatRules): ChatRulesDraft {
  const rules = useSignal(initial);
  const blocked = useSignal(initial.blockedWords.join("\n"));
  const saved = useSignal(false);
  const { busy, error, run } = useAction();
  return {
    rules,
    blocked,
    saved,
    busy,
    error,
    change(patch) {
      rules.value = { ...rules.value, ...patch };
      saved.value = false;
    },
    setBlocked(text) {
      blocked.value = text;
      saved.value = false;
    },
    async save() {
      saved.value = await run(async () => {
        const fresh = (await saveRules(shopId, { ...rules.value, blockedWords: words(blocked.value) })).rules;
        rules.value = fresh;
        blocked.value = fresh.blockedWords.join("\n");
      });
    },
  };
}
