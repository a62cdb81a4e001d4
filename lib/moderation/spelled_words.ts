// Finds a blocked word or phrase in a chat line however it is spelled: each letter as
// itself or a digit or sign written for it ("sp4m"), repeated ("spaam"), and the letters
// written close ("sp-am", "s..p..a..m") or apart ("s p a m", "s. p. a. m."). A regular
// expression of that shape backtracks exponentially on a line that nearly matches
// ("aaaa…b" against "aaaaaaaa" held the server for over a minute). This runs the pattern
// as a set of states over the line, once (Thompson's construction): its time is the
// line's length times the word's.

// Digits and signs written for letters. I and l are kept apart: with them swapped,
// blocking "fail" refused "Fall collection", and "mail" "the mall".
export const LEET: Record<string, string> = { a: "4@", e: "3", i: "1|!", l: "1|", o: "0", s: "5$", t: "7+" };

/** At most this many signs or spaces between two letters of a word. */
const GAP = 3;
// Between the words of a phrase: any run of spaces, or up to two of "-", "_" and "."
// ("buy-followers", "buyfollowers"): "fake, news" is a list, not the phrase.
const JOINERS = "-_.";
const MAX_JOINERS = 2;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /[0-9]/;
const SPACE = /\s/u;
// An apostrophe joins a contraction ("he'll"), so it is part of a word, never a gap.
const APOSTROPHE = /['’]/;

const isGap = (c: string) => !WORD_CHAR.test(c) && !APOSTROPHE.test(c);

// The two ways a state's gap runs. Within a word: close (signs only, or none) or apart
// (every gap at least one sign or space). Between words: joiners or spaces.
const CLOSE = 0, APART = 1;
const JOINED = 0, SPACED = 1;
/** A state not reached. */
const NONE = -32768;

/** A phrase as its letters (the characters each may be written as) and where its words end. */
export interface Spelling {
  letters: string[];
  /** True for a letter that ends a word other than the last. */
  wordEnds: boolean[];
}

/** The spelling of a phrase already in normal form (lower case, Latin where it reads so). */
export function spellingOf(phrase: string): Spelling {
  const words = phrase.trim().split(/\s+/).map((word) => [...word]);
  return {
    letters: words.flat().map((c) => c + (LEET[c] ?? "")),
    wordEnds: words.flatMap((word, w) => word.map((_, i) => i === word.length - 1 && w < words.length - 1)),
  };
}

/**
 * True when `text` (in normal form) holds the phrase as whole words, with at least as
 * many letters as digits ("4.55" is a price, not "ass"; "5p4m" is spam).
 */
export function holdsSpelled(text: string, { letters, wordEnds }: Spelling): boolean {
  const chars = [...text];
  // Each letter needs one of its characters in the text: most lines end here.
  const present = new Set(chars);
  if (!letters.every((forms) => [...forms].some((c) => present.has(c)))) return false;
  const last = letters.length - 1;
  // A word's first letter is reached as a word's start; its last, as a word's end: in
  // both the gap's way is chosen anew.
  const fresh = letters.map((_, k) => k === 0 || wordEnds[k - 1]! || wordEnds[k]!);
  // States: letter k, the gap's way, and the gap's length so far; each holds the most
  // letters-minus-digits of any path to it (NONE: not reached). Only the states reached
  // are visited: a line costs its length times the states it keeps alive, at most 8 a letter.
  const SLOTS = 2 * (GAP + 1);
  let score = new Int16Array(letters.length * SLOTS).fill(NONE);
  let nextScore = new Int16Array(score.length).fill(NONE);
  let reached = new Int32Array(score.length), count = 0;
  let nextReached = new Int32Array(score.length), nextCount = 0;
  const reach = (i: number, value: number) => {
    if (nextScore[i] === NONE) nextReached[nextCount++] = i;
    if (value > nextScore[i]!) nextScore[i] = value;
  };
  const enter = (k: number, way: number, value: number) => {
    if (fresh[k]) {
      reach(k * SLOTS, value);
      reach(k * SLOTS + GAP + 1, value);
    } else reach(k * SLOTS + way * (GAP + 1), value);
  };
  // Per character of the line, which letters it may be written for.
  const formsOf = new Map<string, Uint8Array>();
  for (const c of present) formsOf.set(c, Uint8Array.from(letters, (forms) => forms.includes(c) ? 1 : 0));
  for (let p = 0; p < chars.length; p++) {
    const c = chars[p]!;
    const forms = formsOf.get(c)!;
    const worth = LETTER.test(c) ? 1 : DIGIT.test(c) ? -1 : 0;
    const gapChar = isGap(c), space = SPACE.test(c), joiner = JOINERS.includes(c);
    const before = chars[p - 1];
    if (forms[0] && (before === undefined || !(WORD_CHAR.test(before) || APOSTROPHE.test(before)))) {
      enter(0, CLOSE, worth);
    }
    for (let r = 0; r < count; r++) {
      const i = reached[r]!;
      const value = score[i]!;
      score[i] = NONE;
      const k = (i / SLOTS) | 0, way = ((i / (GAP + 1)) | 0) % 2, gap = i % (GAP + 1);
      if (gap === 0 && forms[k]) reach(i, value + worth);
      if (k === last) continue;
      const between = wordEnds[k]!;
      const mayGoOn = between ? (way === JOINED ? gap <= MAX_JOINERS : gap >= 1) : way === CLOSE || gap >= 1;
      if (mayGoOn && forms[k + 1]) enter(k + 1, way, value + worth);
      // A sign one of these letters may be written as is that letter, not a gap ("s$pam").
      if (!gapChar || forms[k] || forms[k + 1]) continue;
      if (between) {
        if (way === JOINED && joiner && gap < MAX_JOINERS) reach(i + 1, value);
        if (way === SPACED && space) reach(gap < GAP ? i + 1 : i, value);
      } else if (gap < GAP && (way === APART || !space)) reach(i + 1, value);
    }
    [score, nextScore, reached, nextReached, count, nextCount] = [
      nextScore,
      score,
      nextReached,
      reached,
      nextCount,
      0,
    ];
    const after = chars[p + 1];
    const whole = after === undefined || !WORD_CHAR.test(after);
    if (whole && Math.max(score[last * SLOTS]!, score[last * SLOTS + GAP + 1]!) >= 0) return true;
  }
  return false;
}
