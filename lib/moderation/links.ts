// What in a viewer's message a browser would take as a link, for a chat with links off: a
// scheme, "www.", an address by number, or a name with an ending a browser reaches
// (./link_endings.ts), however its dots and letters are written. A link a viewer could type
// and reach is worse than an honest line refused: the refusal names what looked like a
// link, and a space mends it ("cute. in blue").
import { IDN_ENDINGS, LINK_ENDINGS } from "./link_endings.ts";
import { DOTS, latin } from "./latin_form.ts";

// A name starts after a space or a sign, or after dots that end no name ("omg...cheap.com"),
// but not inside a longer name or an email address ("ann@mail.co.uk").
const START = String.raw`(?<![\p{L}\p{M}\p{N}-]|[\p{L}\p{M}\p{N}-]\.|[\p{L}\p{N}._%+-]@)`;
const NAME = String.raw`(?:[\p{L}\p{M}\p{N}-]+\.)+`;
const END = String.raw`(?![\p{L}\p{M}\p{N}-])`;
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|0?\d?\d)`;

// Read with look-alike letters as Latin ones ("evil.cоm" with a Cyrillic о is evil.com).
const LINKS = [
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/i, // a scheme: https://…, ftp://…
  /(?<![\p{L}\p{N}@-])www\.\S+/iu,
  new RegExp(`${START}${NAME}(?:${LINK_ENDINGS.join("|")}|xn--[a-z0-9-]+)${END}`, "iu"),
  new RegExp(String.raw`${START}${NAME}\p{L}{2,}\/\S+`, "iu"), // any name with a path: shop.example/x
  // An address by number, each part 0-255; not a longer run ("1.2.3.4.5") or a version ("v1.2.3.4").
  new RegExp(String.raw`(?<![\p{L}\p{N}]|\d\.)${OCTET}(?:\.${OCTET}){3}(?![\p{L}\p{N}]|\.\d)`, "u"),
];
// Read as written (the look-alikes would make "рус" Latin "pyc"), in lower case.
const IDN = new RegExp(`${START}${NAME}(?:${IDN_ENDINGS.join("|")})${END}`, "u");

// A dot before a capitalised everyday word starts a sentence on a phone that left out the
// space, when a word of two letters or more ends there (a single one, as in "t.Me", is no
// sentence) and the sentence goes on: "Nice.It looks great", "Thanks.Me too!", "Да.То что
// надо". At the end ("guccioutlet.It"), in lower case ("gucci.it today"), or any other
// ending ("cheapbags.Shop now"), it is a name a viewer could type.
const EVERYDAY = "It|In|To|Me|Us|Is|At|Be|By|Do|No|So|My|Am|As|Es|De|Ca|Se|Si|La";
const SENTENCE = new RegExp(
  String.raw`(?<=(?:^|[^\p{L}\p{N}.@-])\p{L}{2,})\.(?=(?:${EVERYDAY})(?:['’]\p{L}+)?\s+\p{L})`,
  "gu",
);

/** What in the text a browser would take as a link ("cheap.shop"), or null. */
export function linkIn(text: string): string | null {
  const read = latin(text).replace(SENTENCE, ". ");
  for (const pattern of LINKS) {
    const found = pattern.exec(read);
    if (found) return found[0].slice(0, 60);
  }
  return IDN.exec(text.replace(DOTS, ".").toLowerCase())?.[0].slice(0, 60) ?? null;
}
