// The watch page as plain HTML, the way it works before its JavaScript runs (or without
// any): `?product=` opens a product's sheet, its "Add to cart" form fills the cart and
// comes back to the sheet, and the cart is in the page.
import { gunzipSync } from "node:zlib";
import { createProduct } from "@/lib/catalog/store.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { Client, createStream, kvSnapshot, signUp, type TestApp, viewer, withApp } from "./client.ts";
import { deliver, liveStream } from "./livekit_events.ts";

async function shop(app: TestApp) {
  const seller = new Client(app);
  const sellerId = await signUp(seller);
  const streamId = await createStream(seller);
  await seller.post(`/api/streams/${streamId}/live`);
  const item = { description: "Washed linen.", priceMinor: 4900, currency: "EUR", buyUrl: null, stock: 2 };
  const shirt = await createProduct(
    app.services.kv,
    sellerId,
    { ...item, name: "Linen shirt" },
    app.clock.now(),
  );
  const hidden = await createProduct(
    app.services.kv,
    sellerId,
    { ...item, name: "Not on show" },
    app.clock.now(),
  );
  await seller.request(`/api/streams/${streamId}/pins`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ productIds: [shirt.id] }),
  });
  return { seller, sellerId, streamId, shirt, hidden };
}

const addForm = (buyer: Client, streamId: string, fields: Record<string, string>) =>
  buyer.postForm(`/watch/${streamId}`, fields);

Deno.test("?product= renders the sheet open with its details; a product not on show, or a bad id, opens nothing", () =>
  withApp(async (app) => {
    const { streamId, shirt, hidden } = await shop(app);
    const page = async (query: string) => {
      const res = await new Client(app).request(`/watch/${streamId}${query}`);
      assertEquals(res.status, 200);
      return await res.text();
    };
    const open = await page(`?product=${shirt.id}`);
    assertMatch(open, /<dialog open class="product-sheet" aria-label="Linen shirt" data-product-id="[^"]+">/);
    assert(open.includes("Washed linen.") && open.includes("Add to cart"), "its details and the cart form");
    for (
      const query of [`?product=${hidden.id}`, "?product=%3Cscript%3E", "?product=", "?utm_source=x", ""]
    ) {
      assert(!(await page(query)).includes("<dialog open"), query);
    }
    // A field given twice is as bad as a bad one: neither value is taken.
    assert(
      !(await page(`?product=${hidden.id}&product=${shirt.id}`)).includes("<dialog open"),
      "given twice",
    );
  }));

Deno.test("the sheet's Add to cart form fills the cart and comes back to the sheet, which shows it", () =>
  withApp(async (app) => {
    const { streamId, shirt } = await shop(app);
    const buyer = await viewer(app, streamId);
    const res = await addForm(buyer, streamId, { productId: shirt.id, quantity: "1" });
    assertEquals([res.status, res.headers.get("location")], [303, `/watch/${streamId}?product=${shirt.id}`]);
    const cart = await (await buyer.request(`/api/streams/${streamId}/cart`)).json();
    assertEquals(
      cart.cart.items.map((i: { productId: string; quantity: number }) => [i.productId, i.quantity]),
      [
        [shirt.id, 1],
      ],
    );
    const back = await (await buyer.request(res.headers.get("location")!)).text();
    assert(back.includes("1 in your cart"), "the sheet says so");
    assertMatch(back, /class="cart-bar"[\s\S]*Linen shirt/);
    assert(!back.includes("all that are left"), "one more may go in");
    // Both of the two left: Add to cart is greyed out, and the sheet says why.
    await addForm(buyer, streamId, { productId: shirt.id, quantity: "2" });
    const full = await (await buyer.request(res.headers.get("location")!)).text();
    assert(full.includes("2 in your cart: all that are left"), "why no more go in");
    assertMatch(full, /<button type="submit" class="add-to-cart" disabled/);
  }));

Deno.test("a bad Add to cart form is a clear 4xx page and stores nothing", () =>
  withApp(async (app) => {
    const { streamId, shirt, hidden } = await shop(app);
    const buyer = await viewer(app, streamId);
    const before = await kvSnapshot(app.services.kv);
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ productId: shirt.id, quantity: "1.5" }, 400, /whole number/],
      [{ productId: shirt.id, quantity: "" }, 400, /whole number/],
      [{ productId: shirt.id, quantity: "11" }, 400, /At most 10/],
      [{ productId: "nope!", quantity: "1" }, 400, /product id/],
      [{ productId: shirt.id }, 400, /whole number|quantity/i],
      [{ productId: shirt.id, quantity: "1", extra: "x" }, 400, /extra|Unrecognized/i],
      [{ productId: shirt.id, quantity: "3" }, 409, /Only 2 of Linen shirt left/],
      // With no form on the page to mark, the fields' problems are said.
      [
        {},
        400,
        /role="alert"[^>]*>[^<]*product id[^<]*quantity|role="alert"[^>]*>[^<]*quantity[^<]*product id/i,
      ],
    ];
    for (const [fields, status, words] of cases) {
      const res = await addForm(buyer, streamId, fields);
      const html = await res.text();
      assertEquals(res.status, status, `${JSON.stringify(fields)}: ${html.slice(0, 300)}`);
      assertMatch(html, words);
      assertMatch(html, /<h1>Not added to your cart<\/h1><p class="notice error" role="alert"/);
      const back = fields.productId
        ? `<a href="/watch/${streamId}?product=${
          encodeURIComponent(fields.productId)
        }">Back to the product</a>`
        : `<a href="/watch/${streamId}#chat">Back to the stream</a>`;
      assert(html.includes(back), html);
    }
    assertEquals(
      (await addForm(new Client(app), streamId, { productId: shirt.id, quantity: "1" })).status,
      401,
    );
    assert(hidden.id);
    assertEquals(await kvSnapshot(app.services.kv), before);
  }));

/** The room ticket in a watch page, and the identity it lets in. */
function ticketIn(html: string): { token: string; identity: string } {
  const token = html.match(/"token":"([\w.-]+)"/)?.[1];
  assert(token, "a ticket in the page");
  const payload = JSON.parse(new TextDecoder().decode(decodeBase64Url(token.split(".")[1]!)));
  return { token, identity: payload.sub };
}

const decodeBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));

Deno.test("each viewer's watch page has their own ticket and name (as text), never another's", () =>
  withApp(async (app) => {
    const { streamId, shirt } = await shop(app);
    const [ada, bo] = [await viewer(app, streamId), await viewer(app, streamId)];
    await ada.postForm("/guest", { name: `<b>"Ada" & co</b>`, returnTo: `/watch/${streamId}` });
    const page = async (who: Client) => await (await who.request(`/watch/${streamId}`)).text();
    const [adaPage, boPage] = [await page(ada), await page(bo)];
    const [adaTicket, boTicket] = [ticketIn(adaPage), ticketIn(boPage)];
    assert(adaTicket.identity !== boTicket.identity && adaTicket.token !== boTicket.token, "a ticket each");
    assert(
      !boPage.includes(adaTicket.token) && !adaPage.includes(boTicket.token),
      "never the other's ticket",
    );
    assert(adaPage.includes('value="&#60;b&#62;&#34;Ada&#34; &#38; co&#60;/b&#62;"'), "Ada's name, escaped");
    assert(!adaPage.includes("<b>") && !boPage.includes("Ada"), "Ada's name nowhere else, and never as HTML");
    // What only Ada has (her like, her cart) is in her page, never in Bo's.
    await ada.post(`/api/streams/${streamId}/like`);
    await addForm(ada, streamId, { productId: shirt.id, quantity: "1" });
    const [adaNow, boNow] = [await page(ada), await page(bo)];
    assert(
      adaNow.includes('aria-pressed="true"') && adaNow.includes('aria-label="Your cart"'),
      "Ada's like and cart",
    );
    assert(
      !boNow.includes('aria-pressed="true"') && !boNow.includes('aria-label="Your cart"'),
      "none of it for Bo",
    );
    // A second load is filled in anew: a new ticket (each connection has its own identity).
    const again = ticketIn(await page(bo));
    assert(
      again.token !== boTicket.token && again.identity.split("~")[0] === boTicket.identity.split("~")[0],
    );
  }));

Deno.test("a buyer's controls say what they act on: the hold Let go lets go, a line's quantity, Like", () =>
  withApp(async (app) => {
    const { streamId, shirt } = await shop(app);
    const buyer = await viewer(app, streamId);
    await buyer.post(`/api/streams/${streamId}/like`);
    await addForm(buyer, streamId, { productId: shirt.id, quantity: "1" });
    assertEquals((await buyer.post(`/api/streams/${streamId}/reservations`)).status, 201);
    await addForm(buyer, streamId, { productId: shirt.id, quantity: "1" });
    const html = await (await buyer.request(`/watch/${streamId}`)).text();
    const named = (tag: string, text: string) =>
      [...html.matchAll(new RegExp(`<${tag}[^>]*aria-label="([^"]*)"[^>]*>${text}<`, "g"))].map((m) => m[1]);
    assertEquals(named("button", "Let go"), ["Let go of 1 × Linen shirt"]);
    assertEquals(named("output", "1"), ["Quantity of Linen shirt"]);
    assertEquals(named("button", "1 like"), ["Like · 1 like"]);
    assertMatch(html, /<button[^>]*aria-label="Like · 1 like"[^>]*aria-pressed="true"/);
  }));

Deno.test("each page names itself in the browser's tab; a stream's link shows its title and summary where it is shared", () =>
  withApp(async (app) => {
    const { seller, streamId, shirt } = await shop(app);
    const titlesIn = (html: string) => [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    const titleOf = async (client: Client, path: string) =>
      titlesIn(await (await client.request(path)).text());
    const stranger = new Client(app);
    const watch = await (await stranger.request(`/watch/${streamId}`)).text();
    assertEquals(titlesIn(watch), ["Spring drop · Linen &amp; Co · Showfloor"], "one title, the page's");
    for (
      const tag of [
        '<meta name="description" content="Linen, live."/>',
        '<meta property="og:title" content="Spring drop"/>',
        '<meta property="og:type" content="video.other"/>',
      ]
    ) assert(watch.includes(tag), tag);
    assertEquals(await titleOf(seller, `/studio/${streamId}`), ["Studio: Spring drop · Showfloor"]);
    assertEquals(await titleOf(seller, "/studio"), ["Your studio · Showfloor"]);
    assertEquals(await titleOf(seller, "/studio/products"), ["Your products · Showfloor"]);
    assertEquals(await titleOf(seller, `/studio/products/${shirt.id}`), ["Edit Linen shirt · Showfloor"]);
    assertEquals(await titleOf(stranger, "/"), ["Live now · Showfloor"]);
    assertEquals(await titleOf(stranger, "/signin"), ["Sign in · Showfloor"]);
    assertEquals(await titleOf(stranger, "/watch/nosuchstream"), ["Page not found · Showfloor"]);
  }));

Deno.test("what changes in a stream is on the very next watch page load", () =>
  withApp(async (app) => {
    const { seller, streamId, hidden } = await shop(app);
    const buyer = await viewer(app, streamId);
    const page = async () => await (await buyer.request(`/watch/${streamId}`)).text();
    assert(!(await page()).includes("Fresh off the loom"));
    await seller.post(`/api/streams/${streamId}/chat`, { text: "Fresh off the loom" });
    await seller.request(`/api/streams/${streamId}/pins`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ productIds: [hidden.id] }),
    });
    const next = await page();
    assert(
      next.includes("Fresh off the loom") && next.includes("Not on show"),
      "the chat line and the new pin",
    );
  }));

Deno.test("an ended stream's page says its chat is closed, and offers no name to chat under", () =>
  withApp(async (app) => {
    const { seller, streamId } = await shop(app);
    const buyer = await viewer(app, streamId);
    const live = await (await buyer.request(`/watch/${streamId}`)).text();
    assert(live.includes("Your name in chat") && live.includes("Say hello!"), "while live");
    await seller.post(`/api/streams/${streamId}/end`);
    const ended = await (await buyer.request(`/watch/${streamId}`)).text();
    assertMatch(ended, /Chat is closed: this stream has ended\./);
    assert(
      !ended.includes("Your name in chat") && !ended.includes("Say hello!"),
      "nothing to say hello with",
    );
  }));

Deno.test("after the end, the viewer count says the peak with its noun: “2 at the peak”", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { streamId, room } = await liveStream(seller);
    for (const [name, sid] of [["Ann", "PA_ann"], ["Bo", "PA_bo"]]) {
      await deliver(seller, "participant_joined", room, { identity: `guest-${sid}~vtab1`, name, sid: sid! });
    }
    await seller.post(`/api/streams/${streamId}/end`);
    const ended = await (await new Client(app).request(`/watch/${streamId}`)).text();
    assertMatch(ended, /<span class="muted">2 at the peak<\/span>/);
  }));

Deno.test("after the end, a buyer's page speaks of their cart only while it holds something, and of a hold once", () =>
  withApp(async (app) => {
    const { seller, streamId, shirt } = await shop(app);
    const [holder, carter] = [await viewer(app, streamId), await viewer(app, streamId)];
    for (const buyer of [holder, carter]) {
      await addForm(buyer, streamId, { productId: shirt.id, quantity: "1" });
    }
    assertEquals((await holder.post(`/api/streams/${streamId}/reservations`)).status, 201);
    await seller.post(`/api/streams/${streamId}/end`);
    const page = async (who: Client) => await (await who.request(`/watch/${streamId}`)).text();
    const held = await page(holder);
    assertEquals(held.match(/held for you until/gi)?.length, 1, "the hold, said once");
    assert(!/your cart/i.test(held), "no word of a cart they emptied by reserving");
    assertMatch(await page(carter), /This stream has ended, so your cart can no longer be reserved\./);
  }));

Deno.test("the watch page goes out gzipped to a browser that takes it, the same page as unencoded", () =>
  withApp(async (app) => {
    const { streamId } = await shop(app);
    const buyer = await viewer(app, streamId);
    const res = await buyer.request(`/watch/${streamId}`, {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    assertEquals([res.headers.get("content-encoding"), res.headers.get("vary")], ["gzip", "Accept-Encoding"]);
    const html = new TextDecoder().decode(gunzipSync(new Uint8Array(await res.arrayBuffer())));
    const plain =
      await (await buyer.request(`/watch/${streamId}`, { headers: { "accept-encoding": "identity" } }))
        .text();
    // Only this request's own values differ: its ticket and the server's clock.
    const own = (page: string) =>
      page.replace(/"token":"[\w.-]+"/, "").replaceAll(/"serverNow":"[^"]+"/g, "");
    assertEquals(own(html), own(plain));
    assertMatch(html, /^<!DOCTYPE html>[\s\S]*<\/html>$/);
  }));

Deno.test("a HEAD of a page, over the network, answers as its GET does, never saying the page is empty", () =>
  withApp(async (app) => {
    const { streamId } = await shop(app);
    await using server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.app.fetch);
    const ask = (path: string, method: string) =>
      fetch(`http://127.0.0.1:${server.addr.port}${path}`, { method });
    for (const path of [`/watch/${streamId}`, "/", "/no-such-page", `/api/streams/${streamId}/chat`]) {
      const get = await ask(path, "GET");
      await get.body?.cancel();
      const head = await ask(path, "HEAD");
      await head.body?.cancel();
      const said = (res: Response) => [res.status, res.headers.get("content-type")];
      assertEquals(said(head), said(get), path);
      // Its length, when said, is the GET's: a browser's cache or a proxy would take 0 as the page.
      const length = head.headers.get("content-length");
      assert(length === null || length === get.headers.get("content-length"), `${path}: ${length}`);
    }
  }));

Deno.test("pages carry the site's icon (no browser asks for a missing /favicon.ico, nor waits for a file)", () =>
  withApp(async (app) => {
    const page = await (await new Client(app).request("/")).text();
    const icon = page.match(
      /<link rel="icon" href="data:image\/svg\+xml,([^"]+)" type="image\/svg\+xml"\/?>/,
    );
    assert(icon, "the icon is in the page");
    assertMatch(decodeURIComponent(icon[1]!), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  }));

Deno.test("the chat's Send without JavaScript posts to the page and comes back to the chat; a refused one says why and keeps the line", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId } = await shop(app);
    const ann = await viewer(app, streamId);
    await ann.postForm("/guest", { name: "Ann", returnTo: `/watch/${streamId}` });
    const sent = await ann.postForm(`/watch/${streamId}`, { text: "Does it come in blue?" });
    assertEquals([sent.status, sent.headers.get("location")], [303, `/watch/${streamId}#chat`]);
    const page = await (await ann.request(`/watch/${streamId}`)).text();
    assertMatch(page, /<section id="chat"[\s\S]*Does it come in blue\?/);

    const before = await kvSnapshot(app.services.kv);
    const cases: [Client, Record<string, string>, number, RegExp][] = [
      [ann, { text: "" }, 400, /Message is required/],
      [ann, { text: "x".repeat(501) }, 400, /Message must be at most/],
      [ann, { text: "hi", productId: "x" }, 400, /Unrecognized|productId/],
      [new Client(app), { text: "hi" }, 401, /name/i],
    ];
    for (const [who, fields, status, words] of cases) {
      const res = await who.postForm(`/watch/${streamId}`, fields);
      const html = await res.text();
      assertEquals(res.status, status, `${JSON.stringify(fields)}: ${html.slice(0, 300)}`);
      assertMatch(html, words);
      assertMatch(html, /<h1>Your message wasn't sent<\/h1>/);
      // Sent again only where that can work: a guest with no name must pick one first.
      assertEquals(html.includes("Send again"), status !== 401, html);
      assertMatch(html, new RegExp(`<a href="/watch/${streamId}#chat">Back to the stream</a>`));
    }
    // A form that cannot be read (no browser's form sends text/plain here) is "not sent", whatever it was.
    const plain = await ann.request(`/watch/${streamId}`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "text=Does it come in red?",
      redirect: "manual",
    });
    assertEquals(plain.status, 415);
    const unread = await plain.text();
    assertMatch(unread, /<h1>Not sent<\/h1><p class="notice error" role="alert"[^>]*>Expected a form body</);
    assertMatch(unread, new RegExp(`<a href="/watch/${streamId}#chat">Back to the stream</a>`));
    // A field given twice is said so, as a query's is.
    const twice = await ann.request(`/watch/${streamId}`, {
      method: "POST",
      body: new URLSearchParams([["text", "a"], ["text", "b"]]),
      redirect: "manual",
    });
    assertEquals(twice.status, 400);
    assertMatch(await twice.text(), /role="alert"[^>]*>given more than once</);
    // A path no route has, which a browser would read as another site's, gets no way "back".
    for (const path of ["//evil.example/login", "/\\evil.example/x"]) {
      const res = await ann.postForm(path, { a: "1" });
      const html = await res.text();
      assertEquals(res.status, 404, path);
      assertEquals(html.includes("Back to the page"), false, `${path}: ${html.slice(0, 300)}`);
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
    // Refused by the shop's rules: why, and the line kept to send again, without JavaScript.
    const rules = { slowModeSeconds: 30, linksAllowed: false, blockedWords: ["spam"], viewerCap: 0 };
    const put = {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(rules),
    };
    assertEquals((await seller.request(`/api/shops/${sellerId}/rules`, put)).status, 200);
    const refused = await ann.postForm(`/watch/${streamId}`, { text: "buy sp4m now" });
    const again = await refused.text();
    assertEquals(refused.status, 400);
    assertMatch(again, /<p class="notice error" role="alert" tabindex="-1" autofocus>[^<]*spam/);
    assertMatch(again, /<input name="text" value="buy sp4m now" required maxlength="500"\/>/);
    assertMatch(again, /<button type="submit" class="primary">Send again<\/button>/);
    assertEquals((await ann.postForm(`/watch/${streamId}`, { text: "and in red?" })).status, 303);
    const waited = await ann.postForm(`/watch/${streamId}`, { text: "and in green?" });
    assertEquals(waited.status, 429);
    assertMatch(await waited.text(), /Slow mode[^<]*Try again in 30 s/);
  }));
