// Text as the Latin letters it reads as, for matching rules against: in any Unicode form,
// without accents or marks, with look-alike letters, spelled-out flags, dots written as
// other signs and digits of any script made plain. Blocked words, names and links all
// read a viewer's text this way.
import unhomoglyph from "unhomoglyph";

// Letters Unicode's table of confusables leaves out that read as Latin ones: the small
// capitals ("ʟɪɴᴇɴ"), and Cyrillic п and м.
const SMALL_CAPITALS: Record<string, string> = Object.fromEntries(
  [..."ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ"].map((c, i) => [c, String.fromCharCode(97 + i + (i >= 23 ? 1 : 0))]),
);
// Letters in boxes and brackets ("🆂🅿🅰🅼", "🅢🅟🅐🅜", "⒮⒫⒜⒨"), which NFKD leaves as they are or bracketed.
const BOXED: Record<string, string> = Object.fromEntries(
  [0x1f150, 0x1f170, 0x249c].flatMap((first) =>
    Array.from({ length: 26 }, (_, i) => [String.fromCodePoint(first + i), String.fromCharCode(97 + i)])
  ),
);
const LOOK_ALIKE: Record<string, string> = {
  ...SMALL_CAPITALS,
  ...BOXED,
  "п": "n",
  "м": "m",
  "ı": "i",
  "ɐ": "a",
  "ɱ": "m",
  "Ғ": "F",
  "ғ": "f",
  "ꟻ": "F",
  "ƨ": "s",
};

// Unicode's decimal digits come in runs of ten from 0 (some runs adjoin: the mathematical
// ones), so a digit's value is its distance from its run's start, modulo ten.
const DECIMAL = /\p{Nd}/u;
function asciiDigit(c: string): string {
  let start = c.codePointAt(0)!;
  while (DECIMAL.test(String.fromCodePoint(start - 1))) start--;
  return String((c.codePointAt(0)! - start) % 10);
}

// Regional indicators spell words in runs longer than a flag ("🇸🇵🇦🇲"), or one by one
// ("🇸 🇵 🇦 🇲"); a flag (two) stays a flag, so "Merci.🇫🇷" is no link to ".fr".
const SPELLED = /\p{RI}{3,}|(?<!\p{RI})\p{RI}(?!\p{RI})/gu;
const spelledOut = (run: string) =>
  [...run].map((c) => String.fromCharCode(97 + c.codePointAt(0)! - 0x1f1e6)).join("");

const LATIN = /^[a-z0-9]+$/i;

/**
 * A character NFKD leaves with no Latin in it, as the Latin letters or digits the table
 * reads it as: NFKD would make some letters the table has no Latin for (lunate sigma ϲ as
 * ς), and some marks drawn as letters would go (the anusvara ం, drawn as an o). Whatever
 * NFKD makes Latin ("Ｉ", "ſ", "Ⅰ") is left to it: the table would read those otherwise.
 */
function asLatin(c: string): string {
  if (c < "\u0080" || LATIN.test(c.normalize("NFKD").replace(/\p{M}/gu, ""))) return c;
  const latin = LOOK_ALIKE[c] ?? unhomoglyph(c);
  return LATIN.test(latin) ? latin : c;
}

// Dots as a link's name may be spelled ("evil。com", "evil·com", "evil•com"). After Chinese,
// Japanese or Korean, a full stop ends a sentence ("最高。TOP!") unless a lowercase link's
// ending follows ("淘宝。com"); after an Indian script (Hindi, Bengali, Tamil…), always.
const DOT = `[${
  [
    "\\u00b7\\u02d9\\u0589\\u0964\\u0971\\u06d4\\u0701\\u0702\\u0f0b\\u1362\\u1427\\u16eb\\u2022\\u2024\\u2027",
    "\\u2218\\u2219\\u22c5\\u25e6\\u2981\\u2e30\\u2e31\\u2e33\\u3002\\u30fb\\ua78f\\ufe45\\ufe52\\uff0e\\uff61",
    "\\uff65\\u{10101}\\u{11049}",
  ].join("")
}]`;
const CJK = "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}";
const INDIAN = [
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
]
  .map((script) => `\\p{sc=${script}}`).join("");
export const DOTS = new RegExp(`(?<![${CJK}${INDIAN}])${DOT}|(?<![${INDIAN}])${DOT}(?=[a-z])`, "gu");

/**
 * The text in any Unicode form, without accents or marks, the letters above as the Latin
 * ones they read as, and digits as ASCII ones.
 */
export function plain(text: string): string {
  const spelled = text.replace(SPELLED, spelledOut).replace(DOTS, ".");
  // Digits of every script as 0-9 ("٠٦١٢" is "0612"), before the table reads ١ as an l.
  const digits = [...spelled].map((c) => c > "\u007f" && DECIMAL.test(c) ? asciiDigit(c) : asLatin(c));
  // Dots again after NFKD, which makes some ("·", the Greek ano teleia, is "·"; "︒" is "。").
  const folded = digits.map(decomposed).join("").replace(ACCENTS, "").replace(DOTS, ".");
  return [...folded].map((c) => LOOK_ALIKE[c] ?? c).join("");
}

// Accents go from Latin, Greek and Cyrillic letters ("é" is "e") and from signs; in other
// scripts marks are letters' vowels or voicing ("หี", "साला", "ゴミ"): dropped, each would
// be another word.
const ACCENTS = /(?<=[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\P{L}]\p{M}*)\p{M}/gu;

/**
 * A character in NFKD, unless that spells it out at length: "ﷺ" is eighteen letters, in
 * NFKD and in the table of confusables alike, and a line of them would be nine thousand
 * to check. What reads as Latin is at most four ("⑽" is "(10)", "㏒" "log").
 */
const decomposed = (c: string) => shortly(c.normalize("NFKD"), c);

/** A character's reading, unless it spells the character out at length; then the character. */
const shortly = (reading: string, c: string) => reading.length > 4 ? c : reading;

// Non-Latin letters as the Latin ones they look like, one by one (Latin letters stay:
// the table would make "m" "rn"), in the case they were written.
export const latin = (text: string) =>
  [...plain(text)].map((c) => c < "\u0080" ? c : lookedAlike(c)).join("");

// A character reads as the Latin letters or signs it looks like ("∣" as l, "о" as o), never
// as another script's letter: the table reads the dash "—" as the Japanese "ー" (so "s—c—a—m"
// was a word), and a Korean vowel as a Chinese stroke (where a new word could then start).
const OTHER_LETTER = /(?![a-z])\p{L}/iu;
function lookedAlike(c: string): string {
  const reading = shortly(unhomoglyph(c), c);
  return OTHER_LETTER.test(reading) ? c : reading;
}

export const normal = (text: string) => latin(text).toLowerCase();
