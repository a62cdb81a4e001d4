// What moderators and sellers send to moderate: which message, for how long, a note to
// pin, the shop's rules, a moderator's email.
import { z } from "zod";
import {
  BLOCKED_WORD_MAX_LENGTH,
  BLOCKED_WORDS_MAX_TOTAL,
  MAX_BLOCKED_WORDS,
  MAX_VIEWER_CAP,
  PINNED_MAX_LENGTH,
  SLOW_MODE_SECONDS,
  TIMEOUT_MINUTES,
} from "@/lib/contract/limits.ts";
import { storedId, text } from "@/lib/core/fields.ts";
import { email } from "@/lib/auth/inputs.ts";
import { matchedForm } from "./text_rules.ts";

const messageId = storedId("a message id");

/** One of a few numbers, saying which when it is not. */
const oneOf = <const T extends readonly number[]>(label: string, values: T) =>
  z.literal([...values] as T[number][], {
    error: (issue) =>
      issue.input === undefined
        ? `${label} is required`
        : `${label} must be ${values.slice(0, -1).join(", ")} or ${values.at(-1)}`,
  });

/** The message whose author a moderator times out or bans. */
export const BanInput = z.object({ messageId }).strict();
export type BanInput = z.infer<typeof BanInput>;

export const TimeoutInput = z.object({
  messageId,
  minutes: oneOf("Minutes", TIMEOUT_MINUTES),
}).strict();
export type TimeoutInput = z.infer<typeof TimeoutInput>;

export const PinInput = z.object({ text: text("Announcement", 1, PINNED_MAX_LENGTH) }).strict();
export type PinInput = z.infer<typeof PinInput>;

// A word that is only accents or marks ("´") would match nothing, so every line's end.
const blockedWord = text("Blocked word", 1, BLOCKED_WORD_MAX_LENGTH)
  .refine((word) => matchedForm(word) !== "", {
    error: (issue) => `Blocked word "${issue.input}" has no letter, digit or sign to match`,
  });
const capWords = `Viewer cap must be a whole number from 0 (no cap) to ${
  MAX_VIEWER_CAP.toLocaleString("en")
}`;

export const RulesInput = z.object({
  slowModeSeconds: oneOf("Slow mode seconds", SLOW_MODE_SECONDS),
  linksAllowed: z.boolean(),
  blockedWords: z.array(blockedWord).max(MAX_BLOCKED_WORDS, `At most ${MAX_BLOCKED_WORDS} blocked words`)
    // Counted as matched: "ﷺ" alone spells out eighteen letters.
    .refine((words) => words.map(matchedForm).join("").length <= BLOCKED_WORDS_MAX_TOTAL, {
      error: `Blocked words may hold at most ${
        BLOCKED_WORDS_MAX_TOTAL.toLocaleString("en")
      } characters in all`,
    })
    .transform((words) => [...new Set(words.map((w) => w.toLowerCase()))]),
  viewerCap: z.number(capWords).int(capWords).min(0, capWords).max(MAX_VIEWER_CAP, capWords),
}).strict();
export type RulesInput = z.infer<typeof RulesInput>;

export const ModeratorInput = z.object({ email }).strict();
export type ModeratorInput = z.infer<typeof ModeratorInput>;
