// zod building blocks for what people type: every capability's inputs are made of these,
// so a name, a description or an id is checked the same way everywhere.
import { z } from "zod";

// Control characters (C0, DEL, C1) have no place in names or titles; descriptions may
// keep line breaks and tabs.
// deno-lint-ignore no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// deno-lint-ignore no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

// Characters that show as nothing, or change how the text around them reads without
// showing themselves: format characters (bidi overrides and isolates, "gnp.exe" shown as
// "exe.png"; zero-width ones; the soft hyphen, "sp\u00adam" read as "spam"), the other
// default-ignorable ones (variation selectors, Hangul fillers, the grapheme joiner), the
// blank Braille cell, code points not assigned yet, halves of a surrogate pair alone (no
// character at all), and combining marks with nothing to sit on. Kept where emoji need
// them: a zero-width joiner between two (👩‍💻), a presentation selector after one (❤️), the
// tags that spell a flag (🏴 of England).
const INVISIBLE =
  /(?![\u200d\ufe0e\ufe0f\u{e0020}-\u{e007f}])[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cn}\p{Cs}\u2800]/gu;
const STRAY_JOINER = /(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
const STRAY_SELECTOR = /(?<!\p{Emoji})[\ufe0e\ufe0f]/gu;
const STRAY_TAG = /(\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f})|[\u{e0000}-\u{e007f}]/gu;
const BARE_MARKS = /(^|\s)\p{M}+/gu;
// No script stacks more than a few marks on one letter; "zalgo" text stacks hundreds, which
// draw over the chat lines around it.
const STACKED_MARKS = /(\p{M}{4})\p{M}+/gu;

/** The text without invisible characters. */
export const visible = (s: string) =>
  s.replace(INVISIBLE, "").replace(STRAY_JOINER, "").replace(STRAY_SELECTOR, "")
    .replace(STRAY_TAG, (_, flag = "") => flag).replace(BARE_MARKS, "$1").replace(STACKED_MARKS, "$1");
const visibleOnly = (v: unknown) => typeof v === "string" ? visible(v) : v;

/** One line of text: trimmed, `min`–`max` characters, no control or invisible characters. */
export const text = (label: string, min: number, max: number) =>
  z.preprocess(
    visibleOnly,
    z.string().trim()
      .min(min, min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
      .max(max, `${label} must be at most ${max} characters`)
      .refine((s) => !CONTROL.test(s), `${label} must not contain control characters`),
  );

/** Free text that may keep line breaks: trimmed, at most 2000 characters. */
export const description = z.preprocess(
  visibleOnly,
  z.string().trim().max(2000, "Description must be at most 2000 characters")
    .refine((s) => !CONTROL_BUT_LINES.test(s), "Description must not contain control characters"),
);

/** An id made by newId() (lib/kv/ids.ts): lowercase base 36. */
export const storedId = (what: string) =>
  z.string({ error: `Expected ${what}` }).regex(/^[0-9a-z]{1,40}$/, `Expected ${what}`);

/**
 * A whole number typed into a form: digits only (and a minus, to say "negative"), so ""
 * and "1.5" are refused rather than read as 0 or cut to 1.
 */
export const typedNumber = (message: string, schema: z.ZodNumber) =>
  z.string({ error: message }).trim().regex(/^-?\d+$/, message).transform(Number).pipe(schema);

/**
 * A path on this site to come back to after a form (never another site's: no `//host`),
 * in visible ASCII as a browser sends one: it becomes a Location header.
 */
export const returnPath = z.string().regex(/^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/, "Invalid return path");
