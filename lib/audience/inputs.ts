// What a viewer sends to react: one emoji of the closed set.
import { z } from "zod";
import { REACTION_EMOJI } from "@/lib/contract/limits.ts";

export const ReactionInput = z.object({
  emoji: z.enum(REACTION_EMOJI, { error: "Pick one of the reaction emoji" }),
})
  .strict();
