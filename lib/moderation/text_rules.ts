// What a viewer's message may not hold under the shop's rules: links (unless the seller
// allows them) and blocked words or phrases, matched as whole words in any case and in
// any Unicode form ("ＳＰＡＭ" is "spam"). The refusal tells the sender only, in plain words.
import unhomoglyph from "unhomoglyph";
import type { ChatRules } from "@/lib/contract/views.ts";
import { type DomainError, invalid } from "@/lib/core/errors.ts";
import { normal, plain } from "./latin_form.ts";
import { linkIn } from "./links.ts";
import {
  CHECK_STEPS,
  holdsSpelled,
  LEET,
  lineOf,
  type Spelling,
  spellingOf,
  TooLongToCheck,
} from "./spelled_words.ts";

/**
 * True when two display names read the same: in any case, Unicode form, accents, spacing
 * or punctuation, or spelled with letters that look alike ("Lіnen" with a Cyrillic і,
 * "Мo" with a Cyrillic М, "M0" with a zero, "ʟɪɴᴇɴ" in small capitals, "L1nen"), by
 * Unicode's table of confusable characters.
 */
export function sameName(a: string, b: string): boolean {
  return nameSkeleton(a) === nameSkeleton(b);
}

// Digits and signs written for letters in a name ("atk5" reads as "atks"; 1 is l already).
const NAME_LETTERS: Record<string, string> = {
  "0": "o",
  "3": "e",
  "4": "a",
  "5": "s",
  "$": "s",
  "@": "a",
  "7": "t",
};

function nameSkeleton(name: string): string {
  // Look-alikes folded before and after lowercasing: each case has its own in the table;
  // then digits and signs written for letters, and i with l (and so 1, I and |), which
  // the table keeps apart.
  const folded = unhomoglyph(unhomoglyph(plain(name)).toLowerCase())
    .replace(/[0345$@7]/g, (c) => NAME_LETTERS[c]!).replaceAll("i", "l");
  // Only letters and digits count; a name of symbols alone is compared as it is.
  return folded.replace(/[^\p{L}\p{N}]/gu, "") || folded.replace(/\s+/gu, "");
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

// Numbers are not words: "4.55" is a price, not "ass", and "5.3x" a zoom, not "sex".
const wordy = (word: string) => word.replace(/[^\p{L}]/gu, "").length > word.replace(/\D/g, "").length;

// A number or signs a seller blocks ("0612345678", "$$$") are blocked as written, in any
// width, whole: "1000" is not in "10000".
const literal = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, "u");

/** A blocked word or phrase as it is matched; "" for one with nothing to match ("´" has no letter, digit or sign). */
export const matchedForm = (word: string) => normal(word).trim();

/** A blocked word made ready to match: as a spelling, or (numbers and signs) as written. */
type Matcher = { spelled: Spelling } | { literal: RegExp } | null;

// Made once per word, not per chat line: normalizing a shop's words is most of the work.
const matchers = new Map<string, Matcher>();
const MAX_MATCHERS = 10_000;

function matcherOf(word: string): Matcher {
  let matcher = matchers.get(word);
  if (matcher !== undefined) return matcher;
  const form = matchedForm(word);
  matcher = !form ? null : wordy(form) ? { spelled: spellingOf(form) } : { literal: literal(form) };
  if (matchers.size >= MAX_MATCHERS) matchers.clear();
  matchers.set(word, matcher);
  return matcher;
}

/**
 * The first blocked word or phrase the text holds as whole words (anywhere, in a script
 * written without spaces: Chinese, Japanese, Thai…), or null. A line that
 * would take too long to check against them all throws TooLongToCheck.
 */
export function blockedWordIn(text: string, words: string[]): string | null {
  const t = normal(text);
  const line = lineOf(t);
  const budget = { left: CHECK_STEPS };
  return words.find((word) => {
    const matcher = matcherOf(word);
    if (!matcher) return false;
    return "spelled" in matcher ? holdsSpelled(line, matcher.spelled, budget) : matcher.literal.test(t);
  }) ?? null;
}

// A role the chat marks with a badge, claimed in a name: the whole name ("Host", "the
// host", "Shop owner"), or set off from the rest by any punctuation or symbol, of any
// script, on either side ("Fay (Host)", "Ann 【m0d】", "Ann: Host", "Host • Ann"). A
// surname claims nothing ("Anna Host"), nor does a role joined to a word by a hyphen or
// an apostrophe ("Ann Seller-Smith"): that is one name.
const ROLES = ["host", "mod", "moderator", "admin", "administrator", "staff", "official", "seller", "owner"];
const anyOf = (c: string) => `[${escape(c + (LEET[c] ?? ""))}]+`;
/**
 * A role's letters however written, repeated ("staaff") and written apart: by up to two
 * signs ("m-o-d") or by spaces alone ("m o d"). A doubled letter is one repeated ("staff"
 * is "staf+"): two of the same in a row would split a long run every way there is.
 */
function spelled(word: string): string {
  const letters = [...word].filter((c, i, all) => c !== all[i - 1]).map(anyOf);
  return `(?:${letters.join("[^\\p{L}\\p{N}\\s'’]{0,2}")}|${letters.join(" {1,2}")})`;
}
// One or many: "Ann (Mods)" claims as much as "Ann (Mod)".
const ROLE = String.raw`(?:shop\s*)?(?:${ROLES.map(spelled).join("|")})s?`;
// "The host" claims as much as "host".
const TITLE = String.raw`(?:(?:the|your)\s+)?${ROLE}`;
const WORD = String.raw`[\p{L}\p{N}]`;
const JOIN = "[-\u2010\u2011'\u2019]";
// Not a comma or ampersand, nor the full stop of an initial or a title: "J. Seller",
// "Dr. Host", "Sam Owner, PhD" and "Rock & Mod" are names ("Ann • Host", a dot alone, is not).
const MARK = String.raw`(?:(?<!(?:^|\P{L})\p{L}{1,3})\.|(?![.,&])[\p{P}\p{S}])`;
const CLAIMS_ROLE = new RegExp(
  [
    String.raw`^\s*${TITLE}\s*$`,
    String.raw`${MARK}\s*(?<!${WORD}${JOIN})${TITLE}(?!${WORD})`,
    String.raw`(?<!${WORD})${ROLE}(?!${JOIN}${WORD})\s*${MARK}`,
  ].join("|"),
  "u",
);

/** True when a name says its owner is the host or a moderator, in any of the ways above. */
export const claimsRole = (name: string) => CLAIMS_ROLE.test(normal(name));

/** The rule the text breaks, as its refusal (400, to its sender only); null when it keeps them all. */
export function ruleBroken(text: string, rules: ChatRules): DomainError | null {
  const link = rules.linksAllowed ? null : linkIn(text);
  // Said, so a sentence that only looks like one ("cute.in blue") can be mended with a space.
  if (link) {
    return invalid(
      "links_off",
      `Links are off in this chat: "${link}" looks like one. If it isn't, add a space after the dot.`,
    );
  }
  try {
    const word = blockedWordIn(text, rules.blockedWords);
    return word ? invalid("blocked_word", `"${word}" is not allowed in this chat.`) : null;
  } catch (error) {
    if (!(error instanceof TooLongToCheck)) throw error;
    // Only a line built to be slow gets here (lines of ordinary chat take a few hundredths of the budget).
    return invalid(
      "too_long_to_check",
      "This message is too long to check against the chat's rules: write it more simply.",
    );
  }
}

/** Refuses a viewer's message that breaks the rules. */
export function checkText(text: string, rules: ChatRules): void {
  const broken = ruleBroken(text, rules);
  if (broken) throw broken;
}
