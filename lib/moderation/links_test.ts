import { assert, assertEquals } from "@/tests/assert.ts";
import { linkIn } from "./links.ts";

Deno.test("linkIn() finds links however they are written, and leaves ordinary sentences alone", () => {
  for (
    const text of [
      "see https://evil.example/x",
      "HTTP://EVIL.EXAMPLE",
      "go to www.cheap-stuff.biz",
      "buy at cheap.shop now",
      "bit.ly/abc",
      "shop.example/deal",
      "visit ｅｖｉｌ．ｃｏｍ",
      "mail.google.com",
      // Look-alike letters (a Cyrillic о, a Greek ο), dots written otherwise, an ending less common.
      "evil.cоm",
      "evil.cοm",
      "evil·com",
      "evil‧com",
      "evil。com",
      "evil・com",
      "evil∙com",
      "evil⋅com",
      "evil•com",
      "evil･com",
      "evil᛫com",
      "evil۔com",
      // A lunate sigma, which reads as c but which NFKD makes a sigma.
      "evil.ϲom",
      "evil.ＩＯ",
      "buy at evil.ſhop",
      "evil.ai",
      // More dots written otherwise, an ending in boxed letters, and addresses by number.
      "evil˙com",
      "evil।com",
      "evil◦com",
      "evil.🅲🅾🅼",
      "12.34.56.78/shop",
      "192.168.0.1:8000",
      "nice.it",
      // A capitalised ending that is no everyday word, one a path follows, one after Chinese.
      "Visit BestDeals.Shop now",
      "scam.Com",
      "WWW.Evil.Com",
      "t.Me/scam",
      "evil。Com",
      "淘宝。com",
    ]
  ) assert(linkIn(text), text);
  for (
    const text of [
      "is it 4.5 cm wide?",
      "ok.so what's the price",
      "e.g. the blue one",
      "write me at ann@mail",
      "Free shipping over 50 €",
      "the end.",
      // A flag is a flag, not the letters of a link's ending.
      "Merci.🇫🇷",
      "Love it.🇬🇧🇮🇹",
      // A sentence that starts after a dot with no space, in any language, though its first
      // word ends links too; a full stop after Chinese, Japanese or Hindi.
      "Nice.It looks great",
      "Thanks.Me too!",
      "Yes.In stock?",
      "Love it.To be honest",
      "gracias.Es perfecto",
      "Merci.Ca va",
      "Hi.Top quality",
      "Rock.Live forever",
      "ok.Ai generated?",
      "我要两个。Me too",
      "かわいい。Me too",
      "最高。TOP!",
      "बहुत अच्छा।OK",
      "Ναι.Το θέλω",
      "Да.То что надо",
      "version 1.2.3 is out",
      // Numbers with dots, and a full stop in Bengali before English.
      "shoe sizes 38.39.40.41",
      "Temps 21.5.22.0 °C",
      "ধন্যবাদ।in stock?",
      // On a phone that left out the space and the capital: a sentence that goes on, and a
      // shop's word after a word in lower case.
      "love it.it fits?",
      "cute.in blue?",
      "yes.me too",
      "perfect.to be honest",
      "no.it's sold out?",
      "loved it.us too",
      "2 pairs.in black",
      "Bought it.Info?",
      "done.Shop is great",
      "I paid.Store credit ok?",
    ]
  ) assertEquals(linkIn(text), null, text);
  assertEquals(linkIn("see https://evil.example/x now"), "https://evil.example/x");
  assertEquals(linkIn("buy at cheap.shop now"), "cheap.shop");
});
