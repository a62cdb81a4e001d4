// What in a viewer's message a browser would take as a link, for a chat with links off.
import { latin } from "./text_rules.ts";

// Common endings of link names; "x.y" alone is too often a typo to refuse.
const TLDS = [
  "com",
  "net",
  "org",
  "io",
  "co",
  "shop",
  "store",
  "online",
  "site",
  "xyz",
  "info",
  "biz",
  "me",
  "app",
  "dev",
  "link",
  "ly",
  "gg",
  "tv",
  "to",
  "cc",
  "us",
  "uk",
  "de",
  "fr",
  "nl",
  "ru",
  "cn",
  "eu",
  "ca",
  "au",
  "in",
  "br",
  "es",
  "it",
  "pl",
  "ch",
  "se",
  "jp",
  "top",
  "club",
  "live",
  "bio",
  "ai",
  "tk",
  "ml",
  "ga",
  "cf",
  "gq",
  "ws",
  "sh",
  "pw",
  "su",
  "vn",
  "kr",
  "mx",
  "ar",
  "cl",
  "ph",
].join("|");
const LINKS = [
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/i, // a scheme: https://…, ftp://…
  /(?<![\p{L}\p{N}@-])www\.\S+/iu,
  new RegExp(String.raw`(?<![\p{L}\p{N}@.-])(?:[\p{L}\p{N}-]+\.)+(?:${TLDS})(?![\p{L}\p{N}-])`, "iu"),
  /(?<![\p{L}\p{N}@.-])(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}\/\S+/iu, // any name with a path: shop.example/x
  /(?<![\p{L}\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?::\d|\/)/u, // an address with a port or path: 12.34.56.78/shop
];

// A dot before an everyday word that also ends links starts a sentence, on a phone that
// left out the space: capitalised ("Nice.It looks great", "Да.То что надо"; a link would
// go on: "t.Me/…"), or not, when the sentence goes on ("love it.it fits?", "cute.in blue",
// "no.it's sold out"), or a shop's word after a word in lower case ("done.Shop is great",
// "I paid.Store credit"). Any other ending ("BestDeals.Shop", "scam.Com", "nice.it") is a link.
const SENTENCE = new RegExp(
  [
    String.raw`\.(?=(?:It|In|To|Me|Us|Es|De|Ca|Se|Ai|Top|Live)(?![\p{L}\p{N}./-]))`,
    String.raw`\.(?=(?:it|in|to|me|us)(?:['’]|\s+\p{L}))`,
    String
      .raw`(?<=(?:^|[^\p{L}\p{N}])\p{Ll}+)\.(?=(?:Info|Store|Shop|Club|Online|Site|App|Link)(?![\p{L}\p{N}./-]))`,
  ].join("|"),
  "gu",
);

/** What in the text a browser would take as a link ("cheap.shop"), or null. */
export function linkIn(text: string): string | null {
  const t = latin(text).replace(SENTENCE, ". ");
  for (const pattern of LINKS) {
    const found = pattern.exec(t);
    if (found) return found[0].slice(0, 60);
  }
  return null;
}
