// A moderator's studio home lists the shops they moderate, each with its streams (live
// first) leading to the watch page where their tools are, and a Step down button; the
// index of shops by moderator behind it is kept in step with the shop's moderators, and
// goes with either account.
import { sweepAccounts } from "@/lib/auth/removal.ts";
import { keys } from "@/lib/kv/keys.ts";
import { MAX_SHOPS_SHOWN } from "@/lib/moderation/moderated_shops.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import {
  Client,
  createStream,
  expectError,
  kvSnapshot,
  sellerWithStream,
  signUp,
  type TestApp,
  withApp,
} from "./client.ts";

/** What the studio home's "Shops you moderate" shows: each shop's name and its streams' "state: title → link". */
async function moderatedOn(client: Client): Promise<[string, string[]][]> {
  const page = await (await client.request("/studio")).text();
  const [, section] = page.split('<h2 id="moderated-shops">Shops you moderate</h2>');
  if (!section) return [];
  return section.split('<h3 dir="auto">').slice(1).map((shop) => [
    shop.slice(0, shop.indexOf("</h3>")).replaceAll("&amp;", "&"),
    [...shop.matchAll(/<a href="([^"]+)"><span class="badge[^"]*">([^<]+)<\/span><strong>([^<]+)</g)]
      .map(([, href, state, title]) => `${state}: ${title} → ${href}`),
  ]);
}

const name = (shop: Client, shopId: string, email: string) =>
  shop.post(`/api/shops/${shopId}/moderators`, { email });

const moderating = async (app: TestApp, sellerId: string) => {
  const found: string[] = [];
  for await (const { key } of app.services.kv.list({ prefix: keys.moderatingOf(sellerId) })) {
    found.push(String(key.at(-1)));
  }
  return found;
};

/** A shop with an ended stream, a live one and a draft, and a seller it named moderator. */
async function shopWithModerator(app: TestApp) {
  const { seller, sellerId, streamId: ended } = await sellerWithStream(app);
  await seller.post(`/api/streams/${ended}/live`);
  await seller.post(`/api/streams/${ended}/end`);
  const live = await createStream(seller, "Linen, live");
  await seller.post(`/api/streams/${live}/live`);
  const draft = await createStream(seller, "Autumn drop");
  const mod = new Client(app);
  const modId = await signUp(mod, "mod@example.com", "Mo");
  assertEquals(await moderatedOn(mod), [], "nothing before they are named");
  assertEquals((await name(seller, sellerId, "mod@example.com")).status, 201);
  return { seller, sellerId, ended, live, draft, mod, modId };
}

Deno.test("a named moderator finds the shop on their studio home, live stream first, until they are removed", () =>
  withApp(async (app) => {
    const { seller, sellerId, ended, live, draft, mod, modId } = await shopWithModerator(app);
    assertEquals(await moderatedOn(mod), [["Linen & Co", [
      `● Live: Linen, live → /watch/${live}`,
      `Not live yet: Autumn drop → /watch/${draft}`,
      `Ended: Spring drop → /watch/${ended}`,
    ]]]);
    const watch = await (await mod.request(`/watch/${live}`)).text();
    assert(watch.includes("Pin announcement"), "the link leads to the moderator's tools");
    assertEquals(await moderatedOn(new Client(app)), [], "signed out: no studio at all");
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival Goods");
    assertEquals(await moderatedOn(rival), [], "nor for a seller who is no moderator");

    assertEquals((await seller.request(`/api/streams/${draft}`, { method: "DELETE" })).status, 204);
    assertEquals((await moderatedOn(mod))[0]![1].length, 2, "a deleted stream leaves the list");
    const removed = await seller.request(`/api/shops/${sellerId}/moderators/${modId}`, { method: "DELETE" });
    assertEquals(removed.status, 204);
    assertEquals(await moderatedOn(mod), [], "removed: the shop goes");
    assertEquals(await moderating(app, modId), []);
  }));

Deno.test("a live stream older than the shop's newest few is still listed, first", () =>
  withApp(async (app) => {
    const { seller, live, mod } = await shopWithModerator(app);
    for (const title of ["One", "Two", "Three", "Four", "Five"]) await createStream(seller, title);
    const streams = (await moderatedOn(mod))[0]![1];
    assertEquals([streams[0], streams.length], [`● Live: Linen, live → /watch/${live}`, 6]);
  }));

Deno.test("the index of shops by moderator follows naming, removal and either account's deletion", () =>
  withApp(async (app) => {
    const { seller, sellerId, live, mod, modId } = await shopWithModerator(app);
    assertEquals(await moderating(app, modId), [sellerId]);
    assertEquals((await name(seller, sellerId, "mod@example.com")).status, 201, "named again");
    assertEquals(await moderating(app, modId), [sellerId], "still once");

    // The moderator's own account goes: off the shop's moderators, both ways.
    const password = "a long enough password";
    assertEquals((await mod.send("DELETE", "/api/auth/account", { password })).status, 204);
    assertEquals(await moderating(app, modId), []);
    assertEquals((await (await seller.request(`/api/shops/${sellerId}/moderators`)).json()).moderators, []);

    // The shop's account goes: off its moderators' studio homes.
    const other = new Client(app);
    const otherId = await signUp(other, "other@example.com", "Other");
    assertEquals((await name(seller, sellerId, "other@example.com")).status, 201);
    assertEquals((await moderatedOn(other)).map(([shop]) => shop), ["Linen & Co"]);
    await seller.post(`/api/streams/${live}/end`);
    assertEquals((await seller.send("DELETE", "/api/auth/account", { password })).status, 204);
    assertEquals(await moderatedOn(other), []);
    assertEquals(await moderating(app, otherId), []);
  }));

Deno.test("moderators named before the index are put in it by the accounts' sweep", () =>
  withApp(async (app) => {
    const { sellerId, mod, modId } = await shopWithModerator(app);
    const { kv } = app.services;
    await kv.delete(keys.moderating(modId, sellerId));
    assertEquals(await moderatedOn(mod), []);
    await sweepAccounts(app.services);
    assertEquals((await moderatedOn(mod)).map(([shop]) => shop), ["Linen & Co"]);
    assertEquals(await moderating(app, modId), [sellerId]);
  }));

Deno.test(`the studio home lists ${MAX_SHOPS_SHOWN} shops at most, those live first, and says there are more`, () =>
  withApp(async (app) => {
    const mod = new Client(app);
    await signUp(mod, "mod@example.com", "Mo");
    for (let i = 0; i <= MAX_SHOPS_SHOWN; i++) {
      const shop = new Client(app);
      const shopId = await signUp(shop, `shop${i}@example.com`, `Shop ${String(i).padStart(2, "0")}`);
      assertEquals((await name(shop, shopId, "mod@example.com")).status, 201);
      if (i === 5) await shop.post(`/api/streams/${await createStream(shop)}/live`);
    }
    const shown = (await moderatedOn(mod)).map(([shop]) => shop);
    assertEquals(shown.length, MAX_SHOPS_SHOWN);
    assertEquals(shown.slice(0, 3), ["Shop 05", "Shop 00", "Shop 01"]);
    const page = await (await mod.request("/studio")).text();
    assert(page.includes(`You moderate more shops than fit here: these are ${MAX_SHOPS_SHOWN} of them.`));
  }));

Deno.test("a live shop is listed first however many shops named the seller before it", () =>
  withApp(async (app) => {
    const mod = new Client(app);
    await signUp(mod, "mod@example.com", "Mo");
    const shops: { shop: Client; shopId: string }[] = [];
    for (let i = 0; i < MAX_SHOPS_SHOWN + 2; i++) {
      const shop = new Client(app);
      const shopId = await signUp(shop, `spam${i}@example.com`, `Spam ${String(i).padStart(2, "0")}`);
      assertEquals((await name(shop, shopId, "mod@example.com")).status, 201);
      shops.push({ shop, shopId });
    }
    // The one last in the index goes live: read in key order, it would be past those shown.
    const last = shops.sort((a, b) => a.shopId < b.shopId ? -1 : 1).at(-1)!;
    await last.shop.post(`/api/streams/${await createStream(last.shop, "Real sale")}/live`);
    const shown = await moderatedOn(mod);
    assertEquals(shown.length, MAX_SHOPS_SHOWN);
    assertMatch(shown[0]![1].join(), /^● Live: Real sale → /, "the live shop first");
  }));

const stepDownPath = (shopId: string) => `/studio/moderating/${shopId}/step-down`;

Deno.test("a moderator steps down from the studio home without JavaScript, asked first, and the page says so", () =>
  withApp(async (app) => {
    const { seller, sellerId, live, mod, modId } = await shopWithModerator(app);
    assertMatch(
      await (await mod.request("/studio")).text(),
      new RegExp(
        '<h3 dir="auto">Linen &amp; Co</h3><details class="step-down">' +
          '<summary role="button" aria-label="Step down as moderator of Linen &amp; Co">Step down</summary>' +
          `<form method="post" action="${stepDownPath(sellerId)}" class="form"><p>Stop moderating ` +
          "<bdi>Linen &amp; Co</bdi>\\? Only its seller can name you again.</p>" +
          '<button type="submit" class="danger">Yes, step down</button></form></details>',
      ),
    );
    const before = await kvSnapshot(app.services.kv);
    const forged = await mod.request(stepDownPath(sellerId), {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
    });
    assertEquals(forged.status, 403, "another site's form can't step them down");
    assertEquals(await kvSnapshot(app.services.kv), before);

    const res = await mod.postForm(stepDownPath(sellerId), {});
    assertEquals([res.status, res.headers.get("location")], [303, `/studio?left=${sellerId}`]);
    const home = await (await mod.request(res.headers.get("location")!)).text();
    assertMatch(
      home,
      /<p class="notice ok" role="status">You no longer moderate <bdi>Linen &amp; Co<\/bdi>.<\/p>/,
    );
    assertEquals(await moderatedOn(mod), []);
    assertEquals(await moderating(app, modId), []);
    assertEquals((await (await seller.request(`/api/shops/${sellerId}/moderators`)).json()).moderators, []);
    const [entry] = (await (await seller.request(`/api/streams/${live}/moderation`)).json()).log;
    assertEquals([entry.by, entry.action, entry.target, entry.detail], [
      "Mo",
      "moderator_removed",
      "Mo",
      "stepped down",
    ]);
    // A double tap lands on the same page, and is logged once.
    const again = await mod.postForm(stepDownPath(sellerId), {});
    assertEquals([again.status, again.headers.get("location")], [303, `/studio?left=${sellerId}`]);
    const log = (await (await seller.request(`/api/streams/${live}/moderation`)).json()).log;
    assertEquals(log.filter((e: { action: string }) => e.action === "moderator_removed").length, 1);
  }));

Deno.test("the studio home says a shop was left only by one who left it: not their own, nor one they never moderated", () =>
  withApp(async (app) => {
    const { sellerId, mod } = await shopWithModerator(app);
    const stranger = new Client(app);
    const strangerId = await signUp(stranger, "stranger@example.com", "Stranger");
    const says = async (who: Client, shopId: string) =>
      (await (await who.request(`/studio?left=${shopId}`)).text()).includes("You no longer moderate");
    assertEquals(await says(stranger, sellerId), false, "a shop they never moderated");
    assertEquals(await says(stranger, strangerId), false, "their own shop");
    const posted = await stranger.postForm(stepDownPath(sellerId), {});
    assertEquals(
      await says(stranger, new URL(posted.headers.get("location")!, "http://x").searchParams.get("left")!),
      false,
    );
    assertEquals(await says(mod, sellerId), false, "a shop they still moderate");
    await mod.postForm(stepDownPath(sellerId), {});
    assertEquals(await says(mod, sellerId), true, "once they stepped down");
  }));

Deno.test("a moderator steps down through the API; nobody but them and the seller takes them off", () =>
  withApp(async (app) => {
    const { seller, sellerId, mod, modId } = await shopWithModerator(app);
    const other = new Client(app);
    await signUp(other, "other@example.com", "Other");
    assertEquals((await name(seller, sellerId, "other@example.com")).status, 201);
    const path = `/api/shops/${sellerId}/moderators/${modId}`;
    const before = await kvSnapshot(app.services.kv);
    for (const who of [other, new Client(app)]) {
      await expectError(await who.request(path, { method: "DELETE" }), 403, "not_shop_owner");
    }
    assertEquals(
      await kvSnapshot(app.services.kv),
      before,
      "another moderator, or a stranger, changes nothing",
    );

    assertEquals((await mod.request(path, { method: "DELETE" })).status, 204);
    assertEquals(await moderating(app, modId), []);
    assertEquals((await app.services.kv.get(keys.moderator(sellerId, modId))).versionstamp, null);
    await expectError(await mod.request(path, { method: "DELETE" }), 404, "moderator_not_found");
  }));
