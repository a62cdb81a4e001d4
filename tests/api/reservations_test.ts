// Carts and reservations: stock taken atomically and never oversold, holds that expire
// and return their stock, a cap per buyer, prices that follow the showcase, and the
// seller's numbers.
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { keys } from "@/lib/kv/keys.ts";
import { MAX_CART_PRODUCTS, MAX_STOCK } from "@/lib/contract/limits.ts";
import { createProduct, getStock } from "@/lib/catalog/store.ts";
import { expireDue } from "@/lib/commerce/actions.ts";
import { hold } from "@/lib/commerce/holds.ts";
import type { ReservationMessage, StockMessage } from "@/lib/contract/messages.ts";
import type { Cart, ReservationSummary } from "@/lib/contract/views.ts";
import { getAnalytics, recordVisitor } from "@/lib/analytics/store.ts";
import {
  Client,
  createStream,
  expectError,
  kvSnapshot,
  signUp,
  type TestApp,
  viewer,
  withApp,
} from "./client.ts";

const shirt = { name: "Linen shirt", description: "", priceMinor: 4900, currency: "EUR", buyUrl: null };

/** A live stream whose seller's studio is connected (so the seller hears of reservations). */
async function liveShop(app: TestApp, stock: number) {
  const seller = new Client(app);
  const sellerId = await signUp(seller);
  const streamId = await createStream(seller);
  await seller.post(`/api/streams/${streamId}/live`);
  const studio = `seller-${sellerId}~hstudio`;
  await app.services.kv.set(keys.hostConnections(streamId), [{ identity: studio, sid: "PA_studio" }]);
  const product = await createProduct(app.services.kv, sellerId, { ...shirt, stock }, app.clock.now());
  return { seller, sellerId, streamId, product, studio };
}

async function addToCart(
  buyer: Client,
  streamId: string,
  productId: string,
  quantity: number,
): Promise<Cart> {
  const res = await buyer.post(`/api/streams/${streamId}/cart/items`, { productId, quantity });
  assertEquals(res.status, 200, await res.clone().text());
  return (await res.json()).cart;
}

async function reserve(buyer: Client, streamId: string): Promise<ReservationSummary> {
  const res = await buyer.post(`/api/streams/${streamId}/reservations`);
  assertEquals(res.status, 201, await res.clone().text());
  return (await res.json()).reservation;
}

Deno.test("50 concurrent reservations of a product with stock 10: exactly 10 succeed, the rest hear it is sold out", () =>
  withApp(async (app) => {
    const { streamId, product, studio } = await liveShop(app, 10);
    const buyers = await Promise.all(Array.from({ length: 50 }, () => viewer(app, streamId)));
    for (const b of buyers) await addToCart(b, streamId, product.id, 1);
    await app.forgetSent();
    const answers = await Promise.all(buyers.map((b) => b.post(`/api/streams/${streamId}/reservations`)));
    const statuses = answers.map((r) => r.status);
    assertEquals(statuses.filter((s) => s === 201).length, 10);
    assertEquals(statuses.filter((s) => s === 409).length, 40);
    for (const refused of answers.filter((r) => r.status === 409)) {
      assertMatch(await expectError(refused, 409, "sold_out"), /Linen shirt is sold out/);
    }
    await Promise.all(answers.filter((r) => r.status === 201).map((r) => r.body?.cancel()));
    assertEquals(await getStock(app.services.kv, product.id), 0);
    await app.settle();
    const stockSent = app.rooms.sent.filter((s) => s.topic === "stock").map((s) =>
      (s.message as StockMessage).stock
    );
    assertEquals(stockSent.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const toSeller = app.rooms.sent.filter((s) => s.topic === "reservation");
    assertEquals(toSeller.length, 10);
    assertEquals(toSeller.every((s) => s.to?.length === 1 && s.to[0] === studio), true);
    assertEquals((await getAnalytics(app.services.kv, streamId)).reservations, 10);
  }));

Deno.test("a double-tapped Reserve holds the cart once, and the other taps hear it changed, never a 5xx", () =>
  withApp(async (app) => {
    const { streamId, sellerId, product } = await liveShop(app, 10);
    const buyer = await viewer(app, streamId);
    await addToCart(buyer, streamId, product.id, 2);
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => buyer.post(`/api/streams/${streamId}/reservations`)),
    );
    assertEquals(answers.map((r) => r.status).sort(), [201, 409, 409]);
    for (const refused of answers.filter((r) => r.status === 409)) {
      const code = (await refused.json()).error.code;
      assert(code === "cart_changed" || code === "cart_empty", code);
    }
    await Promise.all(answers.filter((r) => r.status === 201).map((r) => r.body?.cancel()));
    assertEquals(await getStock(app.services.kv, product.id), 8);

    // Taps that priced the cart before the first took it: answered at once, not retried until "busy".
    const { kv } = app.services;
    const key = keys.cart(streamId, "guest-tab");
    await kv.set(key, { lines: [{ productId: product.id, quantity: 1 }] });
    const priced = await kv.get(key);
    await kv.delete(key);
    const item = {
      productId: product.id,
      name: product.name,
      quantity: 1,
      unitPriceMinor: 4900,
      currency: "EUR",
    };
    const at = { now: app.clock.now(), ttlMs: 60_000 };
    const who = { identity: "guest-tab", name: "Ann" };
    assertEquals(
      await hold(kv, { id: streamId, sellerId }, who, { items: [item], cart: priced }, at, () => []),
      {
        ok: false,
        reason: "cart_changed",
      },
    );
    assertEquals(await getStock(kv, product.id), 8);
  }));

Deno.test("a reservation answers with its total and how long it is held, empties the cart, and tells the room", () =>
  withApp(async (app) => {
    const { streamId, product, sellerId, studio } = await liveShop(app, 5);
    const scarf = await createProduct(app.services.kv, sellerId, {
      ...shirt,
      name: "Scarf",
      priceMinor: 1500,
      stock: 3,
    }, app.clock.now());
    const buyer = new Client(app);
    await buyer.postForm("/guest", { name: "Ada" });
    await addToCart(buyer, streamId, product.id, 2);
    await addToCart(buyer, streamId, scarf.id, 1);
    await app.forgetSent();
    const reservation = await reserve(buyer, streamId);
    assertEquals(Object.keys(reservation).sort(), [
      "at",
      "currency",
      "expiresAt",
      "id",
      "items",
      "status",
      "totalMinor",
    ]);
    assertEquals([reservation.totalMinor, reservation.currency, reservation.status], [
      2 * 4900 + 1500,
      "EUR",
      "held",
    ]);
    assertEquals(
      Date.parse(reservation.expiresAt) - Date.parse(reservation.at),
      15 * 60_000,
      "held 15 minutes",
    );
    assertEquals(reservation.items.map((i) => i.quantity), [2, 1]);
    assertEquals((await (await buyer.request(`/api/streams/${streamId}/cart`)).json()).cart.items, []);
    const mine = (await (await buyer.request(`/api/streams/${streamId}/reservations`)).json()).reservations;
    assertEquals(
      mine.map((r: ReservationSummary) => r.id),
      [reservation.id],
      "the buyer sees what they hold",
    );
    await app.settle();
    const stock = app.rooms.sent.filter((s) => s.topic === "stock");
    assertEquals(
      stock.map((s) => [(s.message as StockMessage).productId, (s.message as StockMessage).stock]),
      [
        [product.id, 3],
        [scarf.id, 2],
      ],
    );
    assertEquals(stock.every((s) => !s.to), true, "stock goes to everyone");
    const [toSeller, ...more] = app.rooms.sent.filter((s) => s.topic === "reservation");
    assertEquals(more, []);
    assertEquals(toSeller!.to, [studio]);
    const message = toSeller!.message as ReservationMessage;
    assertEquals([message.id, message.name, message.status], [reservation.id, "Ada", "held"]);
    assertEquals(message.items, [
      { productId: product.id, name: "Linen shirt", quantity: 2 },
      { productId: scarf.id, name: "Scarf", quantity: 1 },
    ]);
    assertEquals((await getAnalytics(app.services.kv, streamId)).unitsReserved, 3);
  }));

Deno.test("holds expire: after the hold time the stock goes back on sale by itself, and the seller hears it", () =>
  withApp(async (app) => {
    const { streamId, product, studio } = await liveShop(app, 5);
    const buyer = await viewer(app, streamId);
    await addToCart(buyer, streamId, product.id, 3);
    const held = await reserve(buyer, streamId);
    assertEquals(await getStock(app.services.kv, product.id), 2);
    app.clock.advance(14 * 60_000);
    assertEquals(await expireDue(app.services), 0, "not yet");
    await app.forgetSent();
    app.clock.advance(60_001);
    assertEquals(await expireDue(app.services), 1);
    assertEquals(await expireDue(app.services), 0, "once only");
    assertEquals(await getStock(app.services.kv, product.id), 5);
    assertEquals(
      (await (await buyer.request(`/api/streams/${streamId}/reservations`)).json()).reservations,
      [],
    );
    await app.settle();
    const told = app.rooms.sent.find((s) => s.topic === "reservation")!;
    assertEquals([(told.message as ReservationMessage).status, told.to], ["expired", [studio]]);
    assertEquals((app.rooms.sent.find((s) => s.topic === "stock")!.message as StockMessage).stock, 5);
    await expectError(
      await buyer.request(`/api/streams/${streamId}/reservations/${held.id}`, { method: "DELETE" }),
      409,
      "expired",
    );
  }));

Deno.test("a hold past its time, not yet swept, cannot be marked paid or let go: it has run out, as the buyer sees", () =>
  withApp(async (app) => {
    const { seller, streamId, product } = await liveShop(app, 5);
    const [ann, bo] = [await viewer(app, streamId), await viewer(app, streamId)];
    await addToCart(ann, streamId, product.id, 2);
    const a = await reserve(ann, streamId);
    await addToCart(bo, streamId, product.id, 1);
    const b = await reserve(bo, streamId);
    app.clock.advance(15 * 60_000 + 1);
    const path = (id: string, what = "") => `/api/streams/${streamId}/reservations/${id}${what}`;
    const said = await expectError(await seller.post(path(a.id, "/paid")), 409, "expired");
    assertEquals(said, "This hold had already run out: its stock is back on sale");
    await expectError(await bo.request(path(b.id), { method: "DELETE" }), 409, "expired");
    const sales = await (await seller.request(`/api/streams/${streamId}/sales`)).json();
    assertEquals(sales.reservations.map((r: ReservationMessage) => r.status), ["expired", "expired"]);
    assertEquals(await getStock(app.services.kv, product.id), 5, "their stock is back on sale");
    assertEquals(await expireDue(app.services), 0, "nothing left for the sweep");
    // After the sweep, the same answer.
    await expectError(await seller.post(path(a.id, "/release")), 409, "expired");
  }));

Deno.test("a buyer lets their own hold go; the seller marks one paid or releases it; nobody else can", () =>
  withApp(async (app) => {
    const { seller, streamId, product } = await liveShop(app, 10);
    const [ann, bo, rival] = await Promise.all([
      viewer(app, streamId),
      viewer(app, streamId),
      viewer(app, streamId),
    ]);
    const holdOf = async (
      who: Client,
    ) => (await addToCart(who, streamId, product.id, 2), await reserve(who, streamId));
    const [a1, b1] = [await holdOf(ann), await holdOf(bo)];
    assertEquals(await getStock(app.services.kv, product.id), 6);
    const path = (id: string, what = "") => `/api/streams/${streamId}/reservations/${id}${what}`;
    const other = new Client(app);
    await signUp(other, "other@example.com");
    const before = await kvSnapshot(app.services.kv);
    await expectError(await rival.request(path(a1.id), { method: "DELETE" }), 404, "reservation_not_found");
    await expectError(await ann.post(path(b1.id, "/paid")), 401, "sign_in_required");
    await expectError(await other.post(path(b1.id, "/release")), 403, "not_stream_owner");
    assertEquals(await kvSnapshot(app.services.kv), before, "refusals change nothing");

    const cancelled = await (await ann.request(path(a1.id), { method: "DELETE" })).json();
    assertEquals(cancelled.reservation.status, "cancelled");
    assertEquals(await getStock(app.services.kv, product.id), 8);
    // Bo hears it in each of their tabs, and nobody else does.
    const connection = (identity: string) => ({ identity, name: "Someone", sid: `PA_${identity}` });
    const bos = [`${bo.guest()}~vaaa`, `${bo.guest()}~vbbb`];
    app.rooms.present.set(streamId, [...bos, `${ann.guest()}~vccc`].map(connection));
    await app.forgetSent();
    const paid = await (await seller.post(path(b1.id, "/paid"))).json();
    assertEquals(paid.reservation.status, "paid");
    await app.settle();
    const toBo = app.rooms.sent.filter((s) => s.topic === "reservation" && s.to?.includes(bos[0]!));
    assertEquals(toBo.map((s) => [s.to, (s.message as ReservationMessage).status]), [[bos, "paid"]]);
    assertEquals(await getStock(app.services.kv, product.id), 8, "paid stays sold");
    await expectError(await seller.post(path(b1.id, "/release")), 409, "not_held");
    const b2 = await holdOf(bo);
    assertEquals((await (await seller.post(path(b2.id, "/release"))).json()).reservation.status, "released");
    assertEquals(await getStock(app.services.kv, product.id), 8);
    const sales = await (await seller.request(`/api/streams/${streamId}/sales`)).json();
    assertEquals(sales.reservations.map((r: ReservationMessage) => r.status), [
      "released",
      "paid",
      "cancelled",
    ]);
  }));

Deno.test("letting holds go is limited per buyer, like the cart: past 60 a minute it is refused, and changes nothing", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 10);
    const ann = await viewer(app, streamId);
    await addToCart(ann, streamId, product.id, 1);
    const hold = await reserve(ann, streamId);
    const letGo = (id: string) =>
      ann.request(`/api/streams/${streamId}/reservations/${id}`, { method: "DELETE" });
    // The cart's change above, and 59 tries at holds that are not there: the minute's 60.
    for (let i = 0; i < 59; i++) await expectError(await letGo(`nohold${i}`), 404, "reservation_not_found");
    await expectError(await letGo(hold.id), 429, "rate_limited");
    assertEquals(await getStock(app.services.kv, product.id), 9, "still held");
    app.clock.advance(60_000);
    assertEquals((await (await letGo(hold.id)).json()).reservation.status, "cancelled");
    assertEquals(await getStock(app.services.kv, product.id), 10);
  }));

Deno.test("one buyer holds at most 10 of a product, and 2 while it is on flash sale, counting what they hold", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 50);
    const buyer = await viewer(app, streamId);
    await addToCart(buyer, streamId, product.id, 8);
    await reserve(buyer, streamId);
    assertMatch(
      await expectError(
        await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 3 }),
        409,
        "too_many",
      ),
      /at most 10 of Linen shirt; you already hold 8/,
    );
    await addToCart(buyer, streamId, product.id, 2);

    const endsAt = new Date(app.clock.now() + 60_000).toISOString();
    await app.services.kv.set(keys.highlight(streamId), product.id);
    await app.services.kv.set(keys.sale(streamId), { productId: product.id, salePriceMinor: 2900, endsAt });
    const fan = await viewer(app, streamId);
    assertMatch(
      await expectError(
        await fan.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 3 }),
        409,
        "too_many",
      ),
      /at most 2 of Linen shirt while it is on flash sale/,
    );
    await addToCart(fan, streamId, product.id, 2);
    assertEquals((await reserve(fan, streamId)).totalMinor, 2 * 2900);
  }));

Deno.test("a cart shows today's price: the sale's while it runs, the list price once it ends, and a stale total is refused", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 5);
    const endsAt = new Date(app.clock.now() + 600).toISOString();
    await app.services.kv.set(keys.highlight(streamId), product.id);
    await app.services.kv.set(keys.sale(streamId), { productId: product.id, salePriceMinor: 2900, endsAt });
    const buyer = await viewer(app, streamId);
    const added = await addToCart(buyer, streamId, product.id, 2);
    assertEquals([added.items[0]!.unitPriceMinor, added.items[0]!.listPriceMinor, added.totalMinor], [
      2900,
      4900,
      5800,
    ]);
    assertEquals(added.items[0]!.saleEndsAt, endsAt);
    app.clock.advance(700);
    const now = (await (await buyer.request(`/api/streams/${streamId}/cart`)).json()).cart as Cart;
    assertEquals([now.items[0]!.unitPriceMinor, now.items[0]!.saleEndsAt, now.totalMinor], [
      4900,
      null,
      9800,
    ]);
    const before = await kvSnapshot(app.services.kv);
    assertMatch(
      await expectError(
        await buyer.post(`/api/streams/${streamId}/reservations`, { totalMinor: 5800 }),
        409,
        "prices_changed",
      ),
      /Prices changed/,
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
    const res = await buyer.post(`/api/streams/${streamId}/reservations`, { totalMinor: 9800 });
    assertEquals([res.status, (await res.json()).reservation.totalMinor], [201, 9800]);
  }));

Deno.test("a flash sale's price applies only while its product is highlighted, as viewers see it", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 5);
    const endsAt = new Date(app.clock.now() + 60_000).toISOString();
    await app.services.kv.set(keys.sale(streamId), { productId: product.id, salePriceMinor: 2900, endsAt });
    const buyer = await viewer(app, streamId);
    const price = async () => (await addToCart(buyer, streamId, product.id, 1)).items[0]!.unitPriceMinor;
    assertEquals(await price(), 4900, "not highlighted: the list price");
    await app.services.kv.set(keys.highlight(streamId), product.id);
    assertEquals(await price(), 2900, "highlighted: the sale price");
    await app.services.kv.set(keys.highlight(streamId), "another-product");
    assertEquals(await price(), 4900, "the seller moved on: the list price again");
  }));

Deno.test("a cart takes only this stream's products in sane quantities, and an empty cart reserves nothing", (t) =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 5);
    const other = await createProduct(
      app.services.kv,
      "someone-else",
      { ...shirt, stock: 5 },
      app.clock.now(),
    );
    const buyer = await viewer(app, streamId);
    const before = await kvSnapshot(app.services.kv);
    const add = (body: unknown) => buyer.post(`/api/streams/${streamId}/cart/items`, body);
    const cases: [string, () => Promise<Response>, number, string][] = [
      ["a missing product", () => add({ productId: "nope", quantity: 1 }), 404, "product_not_found"],
      ["another seller's product", () => add({ productId: other.id, quantity: 1 }), 404, "product_not_found"],
      ["11 of one product", () => add({ productId: product.id, quantity: 11 }), 400, "invalid_input"],
      ["more than the 5 left", () => add({ productId: product.id, quantity: 6 }), 409, "sold_out"],
      ["a negative quantity", () => add({ productId: product.id, quantity: -1 }), 400, "invalid_input"],
      ["half a shirt", () => add({ productId: product.id, quantity: 1.5 }), 400, "invalid_input"],
      [
        "a missing stream",
        () => buyer.post(`/api/streams/nope/cart/items`, { productId: product.id, quantity: 1 }),
        404,
        "stream_not_found",
      ],
      ["an empty cart", () => buyer.post(`/api/streams/${streamId}/reservations`), 409, "cart_empty"],
      [
        "a reservation with a strange body",
        () => buyer.post(`/api/streams/${streamId}/reservations`, { priceMinor: 1 }),
        400,
        "invalid_input",
      ],
      [
        "a reservation with a negative total",
        () => buyer.post(`/api/streams/${streamId}/reservations`, { totalMinor: -1 }),
        400,
        "invalid_input",
      ],
      [
        "a cookie-less cart",
        () =>
          new Client(app).post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 1 }),
        401,
        "name_required",
      ],
      [
        "a cookie-less reservation",
        () => new Client(app).post(`/api/streams/${streamId}/reservations`),
        401,
        "name_required",
      ],
    ];
    for (const [what, send, status, code] of cases) {
      await t.step(what, async () => {
        await expectError(await send(), status, code);
        assertEquals(await kvSnapshot(app.services.kv), before);
      });
    }
  }));

Deno.test("a cart of the most products it holds reserves; lines of products deleted since count for nothing and go", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, product } = await liveShop(app, 5);
    const more = await Promise.all(
      Array.from(
        { length: MAX_CART_PRODUCTS },
        (_, i) =>
          createProduct(
            app.services.kv,
            sellerId,
            { ...shirt, name: `Item ${i}`, stock: 5 },
            app.clock.now(),
          ),
      ),
    );
    const ten = [product, ...more.slice(0, MAX_CART_PRODUCTS - 1)];
    const buyer = await viewer(app, streamId);
    for (const p of ten) await addToCart(buyer, streamId, p.id, 1);
    const add = (who: Client, productId: string, quantity = 1) =>
      who.post(`/api/streams/${streamId}/cart/items`, { productId, quantity });
    await expectError(await add(buyer, more.at(-1)!.id), 409, "cart_full");
    assertEquals((await reserve(buyer, streamId)).items.length, MAX_CART_PRODUCTS);
    for (const p of ten) assertEquals(await getStock(app.services.kv, p.id), 4);

    const late = await viewer(app, streamId);
    for (const p of ten) await addToCart(late, streamId, p.id, 1);
    for (const p of ten.slice(1)) {
      assertEquals((await seller.request(`/api/products/${p.id}`, { method: "DELETE" })).status, 204);
    }
    assertEquals((await addToCart(late, streamId, more.at(-1)!.id, 1)).items.length, 2, "room again");
    const removed = await add(late, ten[1]!.id, 0);
    assertEquals(removed.status, 200, "a deleted product's line can still be removed");
    assertEquals((await reserve(late, streamId)).items.map((i) => i.productId), [
      product.id,
      more.at(-1)!.id,
    ]);
  }));

Deno.test("a cart refuses more than is left, and still lets a buyer lower what the stock has overtaken", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 4);
    const buyer = await viewer(app, streamId);
    await addToCart(buyer, streamId, product.id, 4);
    const more = await buyer.post(`/api/streams/${streamId}/cart/items`, {
      productId: product.id,
      quantity: 5,
    });
    assertMatch(await expectError(more, 409, "sold_out"), /^Only 4 of Linen shirt left/);
    await app.services.kv.set(keys.stock(product.id), 2);
    assertEquals((await addToCart(buyer, streamId, product.id, 3)).items[0]!.quantity, 3, "fewer is fine");
    await expectError(await buyer.post(`/api/streams/${streamId}/reservations`), 409, "sold_out");
  }));

Deno.test("twenty fresh guests racing for a stock of 100 hold it a while at most, ten units each", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 100);
    const guests = await Promise.all(Array.from({ length: 20 }, () => viewer(app, streamId)));
    for (const g of guests) await addToCart(g, streamId, product.id, 10);
    const answers = await Promise.all(guests.map((g) => g.post(`/api/streams/${streamId}/reservations`)));
    assertEquals(answers.filter((r) => r.status === 201).length, 10);
    await Promise.all(answers.map((r) => r.body?.cancel()));
    const greedy = guests[answers.findIndex((r) => r.status === 201)]!;
    await expectError(
      await greedy.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 1 }),
      409,
      "sold_out",
    );
    assertEquals(await getStock(app.services.kv, product.id), 0, "all 100 held, for a while");
    app.clock.advance(15 * 60_000 + 1);
    assertEquals(await expireDue(app.services), 10);
    assertEquals(await getStock(app.services.kv, product.id), 100, "every unit back once the holds expire");
  }));

Deno.test("a cart holds one currency, so a reservation has one total", () =>
  withApp(async (app) => {
    const { seller, streamId, product, sellerId } = await liveShop(app, 5);
    const dollars = await createProduct(
      app.services.kv,
      sellerId,
      { ...shirt, currency: "USD", stock: 5 },
      app.clock.now(),
    );
    const buyer = await viewer(app, streamId);
    await addToCart(buyer, streamId, product.id, 1);
    const before = await kvSnapshot(app.services.kv);
    assertMatch(
      await expectError(
        await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: dollars.id, quantity: 1 }),
        409,
        "other_currency",
      ),
      /in EUR/,
    );
    assertEquals(await kvSnapshot(app.services.kv), before);

    // A product already in the cart changes currency: reserving is refused, not totalled as one.
    const scarf = await createProduct(
      app.services.kv,
      sellerId,
      { ...shirt, name: "Scarf", stock: 5 },
      app.clock.now(),
    );
    await addToCart(buyer, streamId, scarf.id, 2);
    const changed = await seller.request(`/api/products/${scarf.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currency: "USD" }),
    });
    assertEquals(changed.status, 200);
    const cart = await (await buyer.request(`/api/streams/${streamId}/cart`)).json();
    assertEquals(cart.cart.totalMinor, null, "no total adds euros to dollars");
    const priced = await kvSnapshot(app.services.kv);
    assertMatch(
      await expectError(await buyer.post(`/api/streams/${streamId}/reservations`), 409, "other_currency"),
      /more than one currency/,
    );
    assertEquals(await kvSnapshot(app.services.kv), priced, "nothing held");
  }));

Deno.test("saving the product edit form never undoes reservations made since it was opened", () =>
  withApp(async (app) => {
    const { seller, streamId, product } = await liveShop(app, 5);
    const form = { name: "Linen shirt, blue", price: "49.00", currency: "EUR", stock: "5", stockShown: "5" };
    const buyer = await viewer(app, streamId);
    await addToCart(buyer, streamId, product.id, 3);
    await reserve(buyer, streamId);
    const saved = await seller.postForm(`/studio/products/${product.id}`, form);
    assertEquals(saved.status, 303);
    assertEquals(await getStock(app.services.kv, product.id), 2, "the name changed, the 3 held stay held");
    await seller.postForm(`/studio/products/${product.id}`, { ...form, stock: "7", stockShown: "2" });
    assertEquals(await getStock(app.services.kv, product.id), 7);
    const page = await seller.postForm(`/studio/products/${product.id}`, {
      ...form,
      stock: "0",
      stockShown: "9",
    });
    assertEquals(page.status, 409);
    assertMatch(await page.text(), /reserved since you opened this form/);
    assertEquals(await getStock(app.services.kv, product.id), 7);
    // Nor past the most stock a product may have, however the change is put.
    const before = await kvSnapshot(app.services.kv);
    const over = { stock: MAX_STOCK, stockShown: 0 };
    const patch = await seller.request(`/api/products/${product.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(over),
    });
    await expectError(patch, 400, "stock_too_large");
    assertEquals(await kvSnapshot(app.services.kv), before);
  }));

/** The product edit form as the page gives it: its fields, and the stock it was opened from. */
async function openEditForm(seller: Client, productId: string): Promise<Record<string, string>> {
  const html = await (await seller.request(`/studio/products/${productId}`)).text();
  const hidden = (name: string) => html.match(new RegExp(`name="${name}" value="(\\d+)"`))?.[1] ?? "";
  const form = { name: "Linen shirt", price: "49.00", currency: "EUR", description: "", buyUrl: "" };
  return {
    ...form,
    stock: hidden("stockShown"),
    stockShown: hidden("stockShown"),
    stockVersion: hidden("stockVersion"),
  };
}

Deno.test("a product edit form sent again, or from a stale tab, never adds its stock change twice", () =>
  withApp(async (app) => {
    const { seller, streamId, product } = await liveShop(app, 30);
    const path = `/studio/products/${product.id}`;
    const stock = () => getStock(app.services.kv, product.id);
    const stale =
      /The stock was changed in another tab or window since you opened this page: it is now 40\. Check it and save again\./;

    // The same form three times (a replay, a double submit): saved once.
    const form = { ...await openEditForm(seller, product.id), stock: "40" };
    assertEquals((await seller.postForm(path, form)).status, 303);
    for (let i = 0; i < 2; i++) {
      const again = await seller.postForm(path, form);
      assertEquals(again.status, 409);
      const html = await again.text();
      assertMatch(html, stale);
      // Shown again from the stock as it is now, so saving it after a look works.
      assertMatch(html, /name="stockShown" value="40"/);
      assertEquals(await stock(), 40);
    }

    // Two tabs opened at 30, both saving 40: the second is told, not added.
    await seller.postForm(path, { ...await openEditForm(seller, product.id), stock: "30" });
    const [tabA, tabB] = [await openEditForm(seller, product.id), await openEditForm(seller, product.id)];
    assertEquals((await seller.postForm(path, { ...tabA, stock: "40" })).status, 303);
    const second = await seller.postForm(path, { ...tabB, stock: "40" });
    assertEquals(second.status, 409);
    assertMatch(await second.text(), stale);
    assertEquals(await stock(), 40);
    // A stale tab changing something else leaves the stock alone, and is saved.
    assertEquals((await seller.postForm(path, { ...tabB, name: "Linen shirt, sand" })).status, 303);
    assertEquals(await stock(), 40);

    // Reservations made after the form was opened stay counted.
    const opened = await openEditForm(seller, product.id);
    const buyer = await viewer(app, streamId);
    await addToCart(buyer, streamId, product.id, 3);
    await reserve(buyer, streamId);
    assertEquals((await seller.postForm(path, { ...opened, stock: "50" })).status, 303);
    assertEquals(await stock(), 47);

    // The API's edit says so too, with its version, and changes nothing.
    const before = await kvSnapshot(app.services.kv);
    const patch = await seller.request(`/api/products/${product.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ stock: 60, stockShown: 50, stockVersion: Number(opened.stockVersion) }),
    });
    assertMatch(await expectError(patch, 409, "stock_edited_elsewhere"), /it is now 47\./);
    assertEquals(await kvSnapshot(app.services.kv), before);
  }));

Deno.test("analytics count chat, sheet opens, likes, viewers and reservations, for the stream's owner only", (t) =>
  withApp(async (app) => {
    const { seller, streamId, product } = await liveShop(app, 5);
    const guest = await viewer(app, streamId);
    await guest.post(`/api/streams/${streamId}/chat`, { text: "Hello!" });
    await seller.post(`/api/streams/${streamId}/chat`, { text: "Welcome" });
    await guest.post(`/api/streams/${streamId}/like`);
    for (let i = 0; i < 3; i++) {
      assertEquals((await guest.post(`/api/streams/${streamId}/products/${product.id}/opened`)).status, 204);
    }
    await addToCart(guest, streamId, product.id, 2);
    await reserve(guest, streamId);
    for (const identity of ["guest-a", "guest-b", "guest-a"]) {
      await recordVisitor(app.services.kv, streamId, identity);
    }
    assertEquals(await (await seller.request(`/api/streams/${streamId}/analytics`)).json(), {
      peakViewers: 0,
      uniqueViewers: 2,
      chatMessages: 2,
      likes: 1,
      sheetOpens: 3,
      reservations: 1,
      unitsReserved: 2,
      reactions: 0,
    });

    await t.step("anyone else is refused", async () => {
      const other = new Client(app);
      await signUp(other, "other@example.com");
      await expectError(await other.request(`/api/streams/${streamId}/analytics`), 403, "not_stream_owner");
      await expectError(await guest.request(`/api/streams/${streamId}/analytics`), 401, "sign_in_required");
      await expectError(await other.request(`/api/streams/${streamId}/sales`), 403, "not_stream_owner");
    });

    await t.step("a sheet open of a missing or foreign product counts nothing", async () => {
      const foreign = await createProduct(
        app.services.kv,
        "someone-else",
        { ...shirt, stock: 1 },
        app.clock.now(),
      );
      const before = await kvSnapshot(app.services.kv);
      for (const id of ["nope", foreign.id]) {
        await expectError(
          await guest.post(`/api/streams/${streamId}/products/${id}/opened`),
          404,
          "product_not_found",
        );
      }
      await expectError(
        await guest.post(`/api/streams/${streamId}/products/${product.id}/opened`, { count: 5 }),
        400,
        "invalid_input",
      );
      // Without the watch page's cookies nobody is counted: the per-person limit could not hold.
      await expectError(
        await new Client(app).post(`/api/streams/${streamId}/products/${product.id}/opened`),
        401,
        "name_required",
      );
      assertEquals(await kvSnapshot(app.services.kv), before);
    });

    await t.step(
      "sheet opens are limited per viewer: past 60 a minute they are refused, and not counted",
      async () => {
        const busy = await viewer(app, streamId);
        const open = () => busy.post(`/api/streams/${streamId}/products/${product.id}/opened`);
        for (let i = 0; i < 60; i++) assertEquals((await open()).status, 204);
        assertMatch(await expectError(await open(), 429, "rate_limited"), /Too many products opened/);
        const stats = await (await seller.request(`/api/streams/${streamId}/analytics`)).json();
        assertEquals(stats.sheetOpens, 63);
        app.clock.advance(60_000);
        assertEquals((await open()).status, 204, "a minute later");
      },
    );

    await t.step("the studio shows sales while live and the numbers once the stream has ended", async () => {
      const live = await (await seller.request(`/studio/${streamId}`)).text();
      assertMatch(live, /class="sales-feed"/);
      assertMatch(live, /class="reservation reservation-held" data-id="[0-9a-z]+"/);
      assert(!live.includes("stream-analytics"));
      await seller.post(`/api/streams/${streamId}/end`);
      const ended = await (await seller.request(`/studio/${streamId}`)).text();
      assertMatch(ended, /data-stat="reservations" data-value="1"/);
      assertMatch(ended, /data-stat="sheetOpens" data-value="64"/);
      await expectError(
        await guest.post(`/api/streams/${streamId}/products/${product.id}/opened`),
        409,
        "stream_ended",
      );
    });
  }));

Deno.test("a product's edit page says it is on show in the live stream and held, and its delete question what deleting does", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, product } = await liveShop(app, 10);
    const other = await createProduct(app.services.kv, sellerId, { ...shirt, name: "Wool hat", stock: 3 }, 0);
    const put = (path: string, body: unknown) =>
      seller.request(path, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    assertEquals((await put(`/api/streams/${streamId}/pins`, { productIds: [product.id] })).status, 200);
    for (const quantity of [1, 2]) {
      const buyer = await viewer(app, streamId);
      await addToCart(buyer, streamId, product.id, quantity);
      await reserve(buyer, streamId);
    }
    const page = await (await seller.request(`/studio/products/${product.id}`)).text();
    assertMatch(
      page,
      /<p class="notice"><bdi>Linen shirt<\/bdi> is on show in your live stream and 2 buyers hold it.<\/p>/,
    );
    assertMatch(
      page,
      /<p>Delete “<bdi>Linen shirt<\/bdi>” for good\? <bdi>Linen shirt<\/bdi> is on show in your live stream and 2 buyers hold it: deleting it takes it off the stream and leaves their holds in your sales list, to mark paid or let go.<\/p>/,
    );
    // Nothing to say of one neither shown nor held.
    const quiet = await (await seller.request(`/studio/products/${other.id}`)).text();
    assertMatch(quiet, /<p>Delete “<bdi>Wool hat<\/bdi>” for good\?<\/p>/);

    // What it says is what happens: off the stream, the holds still the seller's to settle.
    assertEquals((await seller.request(`/api/products/${product.id}`, { method: "DELETE" })).status, 204);
    const showcase = await (await seller.request(`/api/streams/${streamId}/showcase`)).json();
    assertEquals(showcase.pins, []);
    const sales = await (await seller.request(`/api/streams/${streamId}/sales`)).json();
    assertEquals(sales.reservations.map((r: ReservationSummary) => r.status), ["held", "held"]);
  }));
