// Finds a blocked word or phrase in a chat line however it is spelled: each letter as
// itself or a digit or sign written for it ("sp4m"), drawn out ("spaaam"), and the letters
// written close ("sp-am", "s..p..a..m") or apart ("s p a m", "s. p. a. m.", "s'p'a'm"). A
// regular expression of that shape backtracks exponentially on a line that nearly matches
// ("aaaa…b" against "aaaaaaaa" held the server for over a minute). This runs the pattern
// as a set of states over the line, once (Thompson's construction), from the places the
// word may start only; every character looked at and every state visited is a step, and
// a line is given a budget of steps for all the shop's words.

// Digits and signs written for letters. I and l are kept apart: with them swapped,
// blocking "fail" refused "Fall collection", and "mail" "the mall".
export const LEET: Record<string, string> = { a: "4@", e: "3", i: "1|!", l: "1|", o: "0", s: "5$", t: "7+" };

/** At most this many signs or spaces between two letters of a word. */
const GAP = 3;
// Between the words of a phrase: any run of spaces, or up to three of "-", "_", "." and
// spaces ("buy-followers", "buyfollowers", "cash . app"): "fake, news" is a list, not the phrase.
const JOINERS = "-_.";

// What each character of a line is, as bits, found once for all of a shop's words. An
// apostrophe joins a contraction ("he'll"): part of a word, a gap only between letters apart.
// Chinese, Japanese, Thai and the like put no spaces between words (SPACELESS): a word of
// theirs matches anywhere in a line, and a letter of theirs is no part of a Latin word.
const LETTER = 1, DIGIT = 2, WORD_CHAR = 4, SPACE = 8, APOSTROPHE = 16, GAP_CHAR = 32, SPACELESS = 64;
const NO_SPACES = new RegExp(
  `[${
    "Han Hiragana Katakana Thai Lao Khmer Myanmar Tibetan Tai_Tham New_Tai_Lue Yi".split(" ")
      .map((script) => `\\p{scx=${script}}`).join("")
  }]`,
  "u",
);

// Korean puts spaces between words but joins its particles to them ("사기꾼이다"): a word of
// it starts a word, and ends anywhere.
const SUFFIXED = /\p{scx=Hangul}/u;

/** A line in normal form: its characters, what each is, and where each is and starts a word. */
export interface Line {
  chars: string[];
  kinds: Uint8Array;
  positions: Map<string, number[]>;
  wordStarts: Map<string, number[]>;
}

export function lineOf(text: string): Line {
  const chars = [...text];
  const kinds = Uint8Array.from(chars, (c) => {
    const word = /[\p{L}\p{N}]/u.test(c), apostrophe = /['’]/.test(c);
    return (/\p{L}/u.test(c) ? LETTER : 0) | (/[0-9]/.test(c) ? DIGIT : 0) | (word ? WORD_CHAR : 0) |
      (/\s/u.test(c) ? SPACE : 0) | (apostrophe ? APOSTROPHE : 0) | (!word && !apostrophe ? GAP_CHAR : 0) |
      (NO_SPACES.test(c) ? SPACELESS : 0);
  });
  const positions = new Map<string, number[]>(), wordStarts = new Map<string, number[]>();
  const add = (places: Map<string, number[]>, c: string, p: number) => {
    const list = places.get(c);
    if (list) list.push(p);
    else places.set(c, [p]);
  };
  chars.forEach((c, p) => {
    add(positions, c, p);
    if (startsWord(kinds, p)) add(wordStarts, c, p);
  });
  return { chars, kinds, positions, wordStarts };
}

// Whether the characters before and after p leave it a word's start or end: not a
// letter or digit (nor, before, an apostrophe: "he'll"), unless of a script without spaces.
const startsWord = (kinds: Uint8Array, p: number) =>
  p === 0 || !(kinds[p - 1]! & (WORD_CHAR | APOSTROPHE)) || (kinds[p - 1]! & SPACELESS) !== 0;
const endsWord = (kinds: Uint8Array, p: number) =>
  p + 1 === kinds.length || !(kinds[p + 1]! & WORD_CHAR) || (kinds[p + 1]! & SPACELESS) !== 0;

// The two ways a state's gap runs. Within a word: close (signs only, or none) or apart
// (every gap at least one sign, space or apostrophe). Between words: joiners or spaces.
const CLOSE = 0, APART = 1;
const JOINED = 0, SPACED = 1;
/** A state not reached. */
const NONE = -32768;

/**
 * A line that would take more steps than this (characters looked at and states visited),
 * against all the shop's words, is not checked but refused: ordinary chat takes a few thousand.
 */
export const CHECK_STEPS = 100_000;

/** Thrown when a line would take more than its budget of steps to check. */
export class TooLongToCheck extends Error {}

function spend(budget: { left: number }, steps: number) {
  budget.left -= steps;
  if (budget.left < 0) throw new TooLongToCheck();
}

/** A phrase as its letters (the characters each may be written as) and where its words end. */
export interface Spelling {
  letters: string[];
  /** True for a letter that ends a word other than the last. */
  wordEnds: boolean[];
  /** True for a letter doubled in the word ("ll" in "kill"): written twice it is itself. */
  doubled: boolean[];
  /** Per character, which letters it may be written for. */
  formsOf: Map<string, Uint8Array>;
  /** Whether the phrase starts, and ends, in a script without spaces: then anywhere in a word. */
  startsAnywhere: boolean;
  endsAnywhere: boolean;
}

/** The spelling of a phrase already in normal form (lower case, Latin where it reads so). */
export function spellingOf(phrase: string): Spelling {
  const words = phrase.trim().split(/\s+/).map((word) => [...word]);
  const flat = words.flat();
  const letters = flat.map((c) => c + (LEET[c] ?? ""));
  const formsOf = new Map<string, Uint8Array>();
  letters.forEach((forms, k) => {
    for (const c of forms) {
      const of = formsOf.get(c) ?? new Uint8Array(letters.length);
      of[k] = 1;
      formsOf.set(c, of);
    }
  });
  return {
    letters,
    wordEnds: words.flatMap((word, w) => word.map((_, i) => i === word.length - 1 && w < words.length - 1)),
    doubled: flat.map((c, k) => flat[k - 1] === c || flat[k + 1] === c),
    formsOf,
    startsAnywhere: NO_SPACES.test(flat[0] ?? ""),
    endsAnywhere: NO_SPACES.test(flat.at(-1) ?? "") || SUFFIXED.test(flat.at(-1) ?? ""),
  };
}

// A state's slot, per letter and way: the letter written once, twice, or three times or
// more; then a gap of one, two or three. A letter written exactly twice is another word
// ("good" is not "god", "boot" not "bot"), unless the word doubles it; drawn out, it is the letter.
const ONCE = 0, TWICE = 1, MORE = 2;
const SLOTS = 6;

/**
 * True when the line holds the phrase as whole words (anywhere, in a script without
 * spaces), with at least as many letters as digits ("4.55" is a price, not "ass"; "5p4m"
 * is spam). Each step spends one of `budget.left`; past it, TooLongToCheck.
 */
export function holdsSpelled(
  line: Line,
  { letters, wordEnds, doubled, formsOf, startsAnywhere, endsAnywhere }: Spelling,
  budget: { left: number },
): boolean {
  const { chars, kinds, positions, wordStarts } = line;
  // Each letter needs one of its characters in the text: most lines end here.
  if (!letters.every((forms) => [...forms].some((c) => positions.has(c)))) return false;
  // Where the phrase may start, in order: nothing is looked at before the first, nor
  // between the end of one try and the next.
  const from = startsAnywhere ? positions : wordStarts;
  const starts = Int32Array.from([...letters[0]!].flatMap((c) => from.get(c) ?? [])).sort();
  spend(budget, letters.length + starts.length);
  const last = letters.length - 1;
  // A word's first letter is reached as a word's start; its last, as a word's end: in
  // both the gap's way is chosen anew.
  const fresh = letters.map((_, k) => k === 0 || wordEnds[k - 1]! || wordEnds[k]!);
  // States: letter k, the gap's way, and the slot; each holds the most letters-minus-digits
  // of any path to it (NONE: not reached). Only the states reached are visited.
  let score = new Int16Array(letters.length * 2 * SLOTS).fill(NONE);
  let nextScore = new Int16Array(score.length).fill(NONE);
  let reached = new Int32Array(score.length), count = 0;
  let nextReached = new Int32Array(score.length), nextCount = 0;
  const at = (k: number, way: number, slot: number) => (k * 2 + way) * SLOTS + slot;
  const reach = (i: number, value: number) => {
    if (nextScore[i] === NONE) nextReached[nextCount++] = i;
    if (value > nextScore[i]!) nextScore[i] = value;
  };
  const enter = (k: number, way: number, value: number) => {
    if (fresh[k]) {
      reach(at(k, CLOSE, ONCE), value);
      reach(at(k, APART, ONCE), value);
    } else reach(at(k, way, ONCE), value);
  };
  // Whether a state may leave its letter: not one written exactly twice, unless doubled.
  const done = (k: number, slot: number) => slot === ONCE || slot === MORE || (slot === TWICE && doubled[k]!);
  const noForms = new Uint8Array(letters.length);
  for (let p = 0, start = 0; p < chars.length; p++) {
    if (count === 0) {
      while (start < starts.length && starts[start]! < p) start++;
      if (start === starts.length) return false;
      p = starts[start]!;
    }
    const c = chars[p]!;
    const forms = formsOf.get(c) ?? noForms;
    const kind = kinds[p]!;
    const worth = kind & LETTER ? 1 : kind & DIGIT ? -1 : 0;
    const gapChar = (kind & GAP_CHAR) !== 0,
      space = (kind & SPACE) !== 0,
      apostrophe = (kind & APOSTROPHE) !== 0;
    if (forms[0] && (startsAnywhere || startsWord(kinds, p))) enter(0, CLOSE, worth);
    spend(budget, 1 + count);
    for (let r = 0; r < count; r++) {
      const i = reached[r]!;
      const value = score[i]!;
      score[i] = NONE;
      const slot = i % SLOTS, way = ((i / SLOTS) | 0) % 2, k = (i / SLOTS / 2) | 0;
      const inLetter = slot <= MORE, gap = inLetter ? 0 : slot - MORE;
      if (inLetter && forms[k]) reach(at(k, way, Math.min(slot + 1, MORE)), value + worth);
      if (k === last || (inLetter && !done(k, slot))) continue;
      const between = wordEnds[k]!;
      const mayGoOn = between ? way === JOINED || gap >= 1 : way === CLOSE || gap >= 1;
      if (mayGoOn && forms[k + 1]) enter(k + 1, way, value + worth);
      // A sign one of these letters may be written as is that letter, not a gap ("s$pam").
      if (forms[k] || forms[k + 1]) continue;
      // Spaces between a phrase's words may run on; any other gap stops at GAP, where a
      // run of spaces counts once ("s    c    a    m").
      const spaced = between && way === SPACED, spacesOn = space && gap > 0 && (kinds[p - 1]! & SPACE) !== 0;
      if (gap === GAP && !spaced && !spacesOn) continue;
      const next = spacesOn ? i : at(k, way, MORE + Math.min(gap + 1, GAP));
      if (between) {
        if (way === JOINED ? JOINERS.includes(c) || space : space) reach(next, value);
      } else if (way === APART ? gapChar || apostrophe : gapChar && !space) reach(next, value);
    }
    [score, nextScore, reached, nextReached, count, nextCount] = [
      nextScore,
      score,
      nextReached,
      reached,
      nextCount,
      0,
    ];
    if (!endsAnywhere && !endsWord(kinds, p)) continue;
    for (const way of [CLOSE, APART]) {
      for (const slot of [ONCE, TWICE, MORE]) {
        if (done(last, slot) && score[at(last, way, slot)]! >= 0) return true;
      }
    }
  }
  return false;
}
