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
      // Dots that are dots once normalized, or look like one, and endings of every kind.
      "buy at evil\u0387com now",
      "evil\ufe12com",
      "evilꞏcom",
      "evilᐧcom",
      "evil⸰com",
      "visit evil་com",
      "evil𐄁com",
      "evil\u0971com",
      "evil\ufe45com",
      "evil\u1362com",
      "evil\u0589com",
      "myshop.art",
      "evil.studio",
      "evil.style",
      "evil.xxx",
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
      "我要两个。Me too",
      "かわいい。Me too",
      "最高。TOP!",
      "बहुत अच्छा।OK",
      "Ναι.Το θέλω",
      "Да.То что надо",
      "version 1.2.3 is out",
      // A full stop in Bengali before English.
      "ধন্যবাদ।in stock?",
    ]
  ) assertEquals(linkIn(text), null, text);
  assertEquals(linkIn("see https://evil.example/x now"), "https://evil.example/x");
  assertEquals(linkIn("buy at cheap.shop now"), "cheap.shop");
});

Deno.test("linkIn() finds the scam links typed in chat with links off", () => {
  const found: [string, string][] = [
    // After an ellipsis.
    ["omg...cheapbags.com", "cheapbags.com"],
    ["omg..cheapbags.com", "cheapbags.com"],
    ["omg…cheapbags.com", "cheapbags.com"],
    // Everyday words that are countries' endings, in lower case whatever follows (Telegram is t.me).
    ["dm me on t.me now", "t.me"],
    ["go to gucci.it today", "gucci.it"],
    ["cute.in blue?", "cute.in"],
    ["ok.so what's the price", "ok.so"],
    ["hi.me", "hi.me"],
    // Capitalised, but no sentence: at the end, after a single letter, or another ending.
    ["real ones at guccioutlet.It", "guccioutlet.It"],
    ["dm me on t.Me now", "t.Me"],
    ["buy at cheapbags.Shop", "cheapbags.Shop"],
    ["cheapbags.Shop now", "cheapbags.Shop"],
    ["evil.Online", "evil.Online"],
    // The endings scammers favour, and every country's.
    ["deals at luxbags.vip", "luxbags.vip"],
    ["bags.ru", "bags.ru"],
    ["bags.cfd", "bags.cfd"],
    ["bags.cyou", "bags.cyou"],
    ["bags.xyz", "bags.xyz"],
    ["bags.top", "bags.top"],
    // Endings in other scripts, after any dot, in any case, and as browsers send them (xn--).
    ["bags.рф", "bags.рф"],
    ["bags.РФ", "bags.рф"],
    ["bags。рф", "bags.рф"],
    ["cheapbags.商城", "cheapbags.商城"],
    ["我爱你.中国", "我爱你.中国"],
    ["bags.xn--p1ai", "bags.xn--p1ai"],
    // An address by number, alone.
    ["12.34.56.78", "12.34.56.78"],
    ["go to 192.168.0.1 now", "192.168.0.1"],
    ["0.0.0.0", "0.0.0.0"],
  ];
  // The endings of the report, and capitalised ones that are no sentence's first word.
  const endings =
    "icu sale support lol pro fun win buzz sbs click help life one It IT Shop Top Live Info Store";
  for (const ending of endings.split(" ")) {
    found.push([`buy at cheapbags.${ending}`, `cheapbags.${ending}`]);
  }
  for (const [text, link] of found) assertEquals(linkIn(text), link, text);
});

Deno.test("linkIn() leaves honest shop chat alone: numbers, abbreviations, emoticons, sentences", () => {
  for (
    const text of [
      "12.99",
      "It's $12.99 today",
      "4.5 stars",
      "size 8.5",
      "v2.0",
      "Mr. Smith",
      "e.g. this",
      "i.e. that",
      "U.S. sizes",
      "lol...ok",
      "wait...what",
      "so…it's sold out?",
      "5.30pm",
      "see you at 10.30",
      "18.00 sharp",
      "ships 21.05.2024",
      "No.5",
      "12.5cm",
      "version 1.2.3",
      // Numbers that are no address: a longer run, a part past 255, after a letter.
      "1.2.3.4.5",
      "06.12.34.56.78",
      "256.1.1.1",
      "v1.2.3.4",
      "o.O",
      "O.o",
      "^.^",
      "-.-",
      "._.",
      "T.T",
      ">.<",
      "x.x",
      ":-)",
      "....",
      "ok…",
      // Japanese and Chinese sentences, with a full stop of either width, though some words
      // after it ("セール", sale; "我爱你", I love you) end links too.
      "ありがとう。また来ます",
      "很好看。我要两个",
      "本日．セール!",
      "かわいい．ほしい",
      "谢谢．我爱你",
      "好的。我爱你",
      // A capitalised everyday word starting a sentence, though it ends links.
      "Nice.It's great",
      "Yes.Do you ship abroad?",
      "Ok.So what's the price?",
      "Thanks.No problem",
      // A dot before a word that is no link's ending, in any script.
      "Привет.как дела",
      "ok.thanks",
    ]
  ) assertEquals(linkIn(text), null, text);
});

Deno.test("linkIn() refuses honest lines a browser would reach, which a space after the dot mends", () => {
  for (
    const text of [
      // In lower case, a country's ending whatever follows it.
      "love it.it fits?",
      "yes.me too",
      "perfect.to be honest",
      "no.it's sold out?",
      "loved it.us too",
      "2 pairs.in black",
      // Capitalised, an ending scammers favour, not an everyday word starting a sentence.
      "Hi.Top quality",
      "Rock.Live forever",
      "ok.Ai generated?",
      "Bought it.Info?",
      "done.Shop is great",
      "I paid.Store credit ok?",
      // Four numbers of 0-255: an address.
      "shoe sizes 38.39.40.41",
      "Temps 21.5.22.0 °C",
    ]
  ) {
    assert(linkIn(text), text);
    assertEquals(linkIn(text.replace(".", ". ")), null, text);
  }
});
