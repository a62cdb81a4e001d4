// Deleting accounts: the seller deletes theirs (password asked again), and all it held
// goes (streams, products and images, the shop's moderation, its place among other shops'
// moderators); an account nobody signs in to for ACCOUNT_IDLE_DAYS goes by itself; a
// removal cut short is finished by the sweep.
import { sweepAccounts } from "@/lib/auth/removal.ts";
import { deleteSeller } from "@/lib/auth/seller_store.ts";
import { createProduct as storedProduct, getStock } from "@/lib/catalog/store.ts";
import { DomainError } from "@/lib/core/errors.ts";
import { createStream as storedStream, goLive } from "@/lib/streams/store.ts";
import { keys } from "@/lib/kv/keys.ts";
import { assert, assertEquals, assertMatch, assertRejects } from "@/tests/assert.ts";
import { filesUnder, PNG_BYTES } from "@/tests/fixtures/images.ts";
import {
  Client,
  createStream,
  expectError,
  focusedTag,
  keysNaming,
  kvSnapshot,
  say,
  signUp,
  type TestApp,
  viewer,
  withApp,
} from "./client.ts";

const DAY_MS = 24 * 60 * 60_000;
const PASSWORD = "a long enough password";
const cap = { name: "Cap", description: "", priceMinor: 1000, currency: "EUR", buyUrl: null };

const deleteAccount = (client: Client, body: unknown = { password: PASSWORD }) =>
  client.send("DELETE", "/api/auth/account", body);

const signIn = (client: Client, email = "seller@example.com") =>
  client.post("/api/auth/signin", { email, password: PASSWORD });

/** A seller with a product (and its image), an ended stream with chat, moderators named both ways, and a ban. */
async function busySeller(app: TestApp) {
  const seller = new Client(app);
  const sellerId = await signUp(seller);
  const form = new FormData();
  for (
    const [k, v] of Object.entries({ name: "Linen shirt", priceMinor: "4900", currency: "EUR", stock: "5" })
  ) {
    form.set(k, v);
  }
  form.set("image", new File([PNG_BYTES as BlobPart], "shirt.png"));
  assertEquals((await seller.request("/api/products", { method: "POST", body: form })).status, 201);
  const streamId = await createStream(seller);
  await seller.post(`/api/streams/${streamId}/live`);
  const troll = await say(await viewer(app, streamId), streamId, "troll");
  assertEquals((await seller.post(`/api/streams/${streamId}/bans`, { messageId: troll.id })).status, 201);
  const mod = new Client(app);
  await signUp(mod, "mod@example.com", "Mo");
  assertEquals(
    (await seller.post(`/api/shops/${sellerId}/moderators`, { email: "mod@example.com" })).status,
    201,
  );
  const other = new Client(app);
  const otherId = await signUp(other, "other@example.com", "Other shop");
  assertEquals(
    (await other.post(`/api/shops/${otherId}/moderators`, { email: "seller@example.com" })).status,
    201,
  );
  return { seller, sellerId, streamId, other, otherId };
}

Deno.test("a seller deletes their account with their password: all it held goes, they are signed out, the email is free", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, other, otherId } = await busySeller(app);
    const moderators = async () =>
      (await (await other.request(`/api/shops/${otherId}/moderators`)).json()).moderators.map((
        m: { name: string },
      ) => m.name);
    assertEquals(await moderators(), ["Linen & Co"]);

    // Refusals change nothing: signed out, a bad body, the wrong password, while live.
    const before = await kvSnapshot(app.services.kv);
    await expectError(await deleteAccount(new Client(app)), 401, "sign_in_required");
    await expectError(await deleteAccount(seller, {}), 400, "invalid_input");
    await expectError(await deleteAccount(seller, { password: PASSWORD, also: 1 }), 400, "invalid_input");
    await expectError(await deleteAccount(seller, { password: "not my password" }), 403, "wrong_password");
    assertMatch(await expectError(await deleteAccount(seller), 409, "stream_live"), /end your stream/);
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals((await filesUnder(app.services.config.dataDir)).length, 1, "the product's image is kept");

    // A moderator who left the shop this hour is remembered for their studio home, then forgotten with it.
    const mod = new Client(app);
    const modId = await signUp(mod, "left@example.com", "Lee");
    assertEquals(
      (await seller.post(`/api/shops/${sellerId}/moderators`, { email: "left@example.com" })).status,
      201,
    );
    const left = await mod.request(`/api/shops/${sellerId}/moderators/${modId}`, { method: "DELETE" });
    assertEquals(left.status, 204);

    await seller.post(`/api/streams/${streamId}/end`);
    const res = await deleteAccount(seller);
    assertEquals(res.status, 204);
    assertMatch(res.headers.get("set-cookie") ?? "", /sf_session=;.*Max-Age=0/i);
    assertEquals(await keysNaming(app, sellerId), [], "nothing stored names the account");
    assertEquals(await keysNaming(app, streamId), [], "nor its stream");
    assertEquals(await filesUnder(app.services.config.dataDir), [], "the image is gone");
    assertEquals(await moderators(), [], "off the other shop's moderators");
    const studio = await seller.request("/studio", { redirect: "manual" });
    assertEquals([studio.status, studio.headers.get("location")], [303, "/signin?returnTo=%2Fstudio"]);
    await expectError(await signIn(seller), 401, "invalid_credentials");
    assertEquals((await new Client(app).request(`/watch/${streamId}`)).status, 404);
    assert((await signUp(new Client(app))).length > 0, "the email may sign up again");
  }));

Deno.test("an account whose buyers still hold stock is not deleted until the holds are settled", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const product = await (await seller.post("/api/products", {
      name: "Scarf",
      priceMinor: 1500,
      currency: "EUR",
      stock: 3,
    })).json();
    const streamId = await createStream(seller);
    const buyer = await viewer(app, streamId);
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.product.id, quantity: 1 });
    const held = (await (await buyer.post(`/api/streams/${streamId}/reservations`)).json()).reservation;
    const before = await kvSnapshot(app.services.kv);
    assertMatch(await expectError(await deleteAccount(seller), 409, "holds_open"), /1 hold is still open/);
    assertEquals(await kvSnapshot(app.services.kv), before);
    await seller.post(`/api/streams/${streamId}/reservations/${held.id}/release`);
    assertEquals((await deleteAccount(seller)).status, 204);
  }));

Deno.test("a hold races an account's delete: one of the two wins, and no buyer loses a hold they were told of", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const sellerId = await signUp(seller);
    const product = (await (await seller.post("/api/products", { ...cap, stock: 3 })).json()).product;
    const streamId = await createStream(seller);
    const buyer = await viewer(app, streamId);
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 1 });
    // Read as the delete is decided; the buyer's answer comes before the delete commits.
    const made = await app.services.kv.get(keys.holdsMadeOf(sellerId));
    assertEquals((await buyer.post(`/api/streams/${streamId}/reservations`)).status, 201);
    assertEquals(await deleteSeller(app.services.kv, sellerId, app.clock.now(), made), "changed");
    assertEquals((await signIn(new Client(app))).status, 200, "the account stays");
    assertEquals(await getStock(app.services.kv, product.id), 2, "and the buyer's hold");

    // The other way round: once the account's delete has committed, no hold is taken.
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 1 });
    assertEquals(await deleteSeller(app.services.kv, sellerId, app.clock.now()), "deleted");
    await expectError(await buyer.post(`/api/streams/${streamId}/reservations`), 404, "stream_not_found");
    assertEquals(
      await getStock(app.services.kv, product.id),
      2,
      "no stock taken for an account that is gone",
    );
  }));

Deno.test("an account nobody signs in to for ACCOUNT_IDLE_DAYS (730 by default) goes by itself; signing in keeps it", () =>
  withApp(async (app) => {
    const idle = new Client(app);
    const idleId = await signUp(idle);
    await createStream(idle);
    const active = new Client(app);
    const activeId = await signUp(active, "active@example.com", "Active");
    // An account made before sign-ins were kept: counted from the first sweep that finds it.
    const old = new Client(app);
    const oldId = await signUp(old, "old@example.com", "Old");
    const { value: record } = await app.services.kv.get<{ seenAt: string }>(keys.seller(oldId));
    const { seenAt: _, ...before } = record!;
    await app.services.kv.set(keys.seller(oldId), before);
    await app.services.kv.delete(keys.accountSeen(record!.seenAt, oldId));

    app.clock.advance(400 * DAY_MS);
    await sweepAccounts(app.services);
    assertEquals((await signIn(active, "active@example.com")).status, 200);
    app.clock.advance(330 * DAY_MS);
    await sweepAccounts(app.services);
    assertEquals((await app.services.kv.get(keys.seller(idleId))).value !== null, true, "not before its day");

    app.clock.advance(1);
    await sweepAccounts(app.services);
    assertEquals(await keysNaming(app, idleId), [], "the idle account and its stream are gone");
    await expectError(await signIn(idle), 401, "invalid_credentials");
    assertEquals((await signIn(active, "active@example.com")).status, 200, "one signed in to stays");
    assertEquals(
      (await signIn(old, "old@example.com")).status,
      200,
      "the old one had 730 days from its indexing",
    );
    assert((await keysNaming(app, activeId)).length > 0);
  }));

Deno.test("an account removal cut short is finished by the sweep", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const sellerId = await signUp(seller);
    const streamId = await createStream(seller);
    // What the request did before its process stopped: the record and email went, with a mark, in one commit.
    assertEquals(await deleteSeller(app.services.kv, sellerId, app.clock.now()), "deleted");
    assert((await keysNaming(app, sellerId)).length > 1, "its streams and the rest are still there");
    await sweepAccounts(app.services);
    assertEquals(await keysNaming(app, sellerId), []);
    assertEquals(await keysNaming(app, streamId), []);
  }));

Deno.test("requests in flight as an account is deleted make nothing for it, and parallel deletes all succeed", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const sellerId = await signUp(seller);
    const tabs = await Promise.all([1, 2, 3, 4].map(() => deleteAccount(seller)));
    assertEquals(
      tabs.map((r) => r.status).sort(),
      [204, 204, 204, 204],
      "the account is gone, whichever did it",
    );
    // A stream or product form whose seller was read before the deletion, and commits after.
    const madeLate: (() => Promise<unknown>)[] = [
      () =>
        storedStream(
          app.services.kv,
          { sellerId, sellerName: "Linen & Co", title: "Late", description: "" },
          0,
          {
            perDay: 20,
          },
        ),
      () => storedProduct(app.services.kv, sellerId, { ...cap, stock: 1 }, 0),
    ];
    // A stream of it going live, read before the deletion.
    const stream = await storedStream(
      app.services.kv,
      {
        sellerId: "someone-else",
        sellerName: "Other",
        title: "Other's",
        description: "",
      },
      0,
      { perDay: 20 },
    );
    madeLate.push(() => goLive(app.services.kv, { ...stream!, sellerId }, 0, () => []));
    for (const make of madeLate) {
      const refused = await assertRejects(make);
      assertEquals(refused instanceof DomainError && refused.code, "account_deleted");
    }
    assertEquals(await keysNaming(app, sellerId), []);
    // Anything else that landed after is gone with the next sweep.
    await app.services.kv.set(keys.chatRules(sellerId), { slowModeSeconds: 5 });
    await sweepAccounts(app.services);
    assertEquals(await keysNaming(app, sellerId), []);
  }));

Deno.test("the account page deletes the account after asking for the password, in plain words", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const page = await (await seller.request("/studio/account")).text();
    assert(page.includes("seller@example.com") && page.includes("for 730 days is removed"), page);
    const wrong = await seller.postForm("/studio/account", { password: "not my password" });
    assertEquals([wrong.status, wrong.headers.get("location")], [303, "/studio/account"]);
    const shown = await (await seller.request("/studio/account")).text();
    assert(
      shown.includes("That is not this account&#39;s password") ||
        shown.includes("That is not this account's"),
    );
    assertMatch(shown, /<details class="confirm-delete" open/);
    assertMatch(
      focusedTag(shown),
      /<input name="password" type="password" required autocomplete="current-password" aria-invalid="true" aria-describedby="password-error"/,
      "the field to fix, focused",
    );
    assertMatch(
      shown,
      /<p id="password-error" class="field-error">That is not this account(&#39;|')s password<\/p>/,
    );
    assert(!shown.includes("not my password"), "the password is never shown back");
    assert(
      !(await (await seller.request("/studio/account")).text()).includes("not this account"),
      "said once",
    );
    const forged = new Client(app);
    await signUp(forged, "forged@example.com", "Forged");
    forged.setCookie("sf_refusal", encodeURIComponent("refusal:Pay here"));
    assert(
      !(await (await forged.request("/studio/account")).text()).includes("Pay here"),
      "only the app's own words",
    );
    // Another cookie's signed value is no refusal either: the page shows as it is.
    const signed = forged.cookie("sf_device");
    assert(signed, "signing up gave a signed device cookie");
    forged.setCookie("sf_refusal", signed);
    const shownAnyway = await forged.request("/studio/account");
    assertEquals(shownAnyway.status, 200);
    assert(!(await shownAnyway.text()).includes('role="alert"'));
    const done = await seller.postForm("/studio/account", { password: PASSWORD });
    assertEquals([done.status, done.headers.get("location")], [303, "/?deleted=account"]);
    assertMatch(
      await (await seller.request("/?deleted=account")).text(),
      /role="status">Your account is deleted/,
    );
    await expectError(await signIn(seller), 401, "invalid_credentials");
    const signedOut = await new Client(app).request("/studio/account", { redirect: "manual" });
    assertEquals(signedOut.headers.get("location"), "/signin?returnTo=%2Fstudio%2Faccount");
  }));
