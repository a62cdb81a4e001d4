// A shop's chat rules in KV: one record, the defaults (links off, everything else off)
// until its seller saves their own.
import type { ChatRules } from "@/lib/contract/views.ts";
import { keys } from "@/lib/kv/keys.ts";

export const DEFAULT_RULES: ChatRules = {
  slowModeSeconds: 0,
  linksAllowed: false,
  blockedWords: [],
  viewerCap: 0,
};

export async function getChatRules(kv: Deno.Kv, shopId: string): Promise<ChatRules> {
  return { ...DEFAULT_RULES, ...(await kv.get<ChatRules>(keys.chatRules(shopId))).value };
}

/** The rules in a few words, for the log: "slow mode 10 s, links off, 3 blocked words, no viewer cap". */
export function describeRules(rules: ChatRules): string {
  const words = rules.blockedWords.length;
  return [
    rules.slowModeSeconds ? `slow mode ${rules.slowModeSeconds} s` : "slow mode off",
    rules.linksAllowed ? "links allowed" : "links off",
    `${words} blocked ${words === 1 ? "word" : "words"}`,
    rules.viewerCap ? `viewer cap ${rules.viewerCap}` : "no viewer cap",
  ].join(", ");
}
