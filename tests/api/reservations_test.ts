import { assertEquals, assertMatch } from "@/tests/assert.ts";
import { sellerIdentity } from "@/lib/livekit/names.ts";
import { keys } from "@/lib/kv/keys.ts";
import { createProduct, getStock } from "@/lib/catalog/store.ts";
import type { ReservationMessage, StockMessage } from "@/lib/contract/messages.ts";
import { getAnalytics, recordVisitor } from "@/lib/analytics/store.ts";
import { Client, createStream, expectError, kvSnapshot, signUp, withApp } from "./client.ts";

const shirt = { name: "Linen shirt", description: "", priceMinor: 4900, currency: "EUR", buyUrl: null };

async function liveShop(app: Parameters<Parameters<typeof withApp>[0]>[0], stock: number) {
  const seller = new Client(app);
  const sellerId = await signUp(seller);
  const streamId = await createStream(seller);
  await seller.post(`/api/streams/${streamId}/live`);
  const product = await createProduct(
    app.services.kv,
    sellerId,
    { ...shirt, stock },
    app.services.clock.now(),
  );
  return { seller, sellerId, streamId, product };
}

Deno.test("50 concurrent reservations of a product with stock 10: exactly 10 succeed, the rest hear it is sold out", () =>
  withApp(async (app) => {
    const { streamId, product, sellerId } = await liveShop(app, 10);
    const buyers = Array.from({ length: 50 }, () => new Client(app));
    for (const b of buyers) {
      assertEquals(
        (await b.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 1 })).status,
        200,
      );
    }
    app.rooms.sent.length = 0;
    const answers = await Promise.all(buyers.map((b) => b.post(`/api/streams/${streamId}/reservations`)));
    const statuses = answers.map((r) => r.status);
    assertEquals(statuses.filter((s) => s === 201).length, 10);
    assertEquals(statuses.filter((s) => s === 409).length, 40);
    for (const refused of answers.filter((r) => r.status === 409)) {
      assertMatch(await expectError(refused, 409, "sold_out"), /Linen shirt is sold out/);
    }
    assertEquals(await getStock(app.services.kv, product.id), 0);
    const stockSent = app.rooms.sent.filter((s) => s.topic === "stock").map((s) =>
      (s.message as { stock: number }).stock
    );
    assertEquals(stockSent.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const toSeller = app.rooms.sent.filter((s) => s.topic === "reservation");
    assertEquals(toSeller.length, 10);
    assertEquals(toSeller.every((s) => s.to?.length === 1 && s.to[0] === sellerIdentity(sellerId)), true);
    assertEquals((await getAnalytics(app.services.kv, streamId)).reservations, 10);
  }));

Deno.test("a reservation answers with its total, empties the cart, and tells the room the stock and the seller who bought", () =>
  withApp(async (app) => {
    const { streamId, product, sellerId } = await liveShop(app, 5);
    const scarf = await createProduct(app.services.kv, sellerId, {
      ...shirt,
      name: "Scarf",
      priceMinor: 1500,
      stock: 3,
    }, app.services.clock.now());
    const buyer = new Client(app);
    await buyer.postForm("/guest", { name: "Ada" });
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 2 });
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: scarf.id, quantity: 1 });
    app.rooms.sent.length = 0;
    const res = await buyer.post(`/api/streams/${streamId}/reservations`);
    assertEquals(res.status, 201);
    const { reservation } = await res.json();
    assertEquals(Object.keys(reservation).sort(), ["at", "currency", "id", "items", "totalMinor"]);
    assertEquals([reservation.totalMinor, reservation.currency], [2 * 4900 + 1500, "EUR"]);
    assertEquals(reservation.items.map((i: { quantity: number }) => i.quantity), [2, 1]);
    assertEquals((await (await buyer.request(`/api/streams/${streamId}/cart`)).json()).cart.items, []);
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
    assertEquals(toSeller!.to, [sellerIdentity(sellerId)]);
    const message = toSeller!.message as ReservationMessage;
    assertEquals([message.id, message.name], [reservation.id, "Ada"]);
    assertEquals(message.items, [
      { productId: product.id, name: "Linen shirt", quantity: 2 },
      { productId: scarf.id, name: "Scarf", quantity: 1 },
    ]);
    assertEquals(await getAnalytics(app.services.kv, streamId), {
      peakViewers: 0,
      uniqueViewers: 0,
      chatMessages: 0,
      likes: 0,
      sheetOpens: 0,
      reservations: 1,
      unitsReserved: 3,
    });
  }));

Deno.test("a reservation that asks for more than is left takes nothing and says how many are left", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 2);
    const buyer = new Client(app);
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 3 });
    const before = await kvSnapshot(app.services.kv);
    assertMatch(
      await expectError(await buyer.post(`/api/streams/${streamId}/reservations`), 409, "sold_out"),
      /Only 2 of Linen shirt left/,
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
  }));

Deno.test("a reservation after a flash sale ended is refused, and nothing changes", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 5);
    const endsAt = new Date(app.clock.now() + 600).toISOString();
    await app.services.kv.set(keys.highlight(streamId), product.id);
    await app.services.kv.set(keys.sale(streamId), { productId: product.id, salePriceMinor: 2900, endsAt });
    const buyer = new Client(app);
    const added =
      await (await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 2 }))
        .json();
    assertEquals(added.cart.items[0].unitPriceMinor, 2900, "added at the sale price");
    app.clock.advance(700);
    const before = await kvSnapshot(app.services.kv);
    assertMatch(
      await expectError(await buyer.post(`/api/streams/${streamId}/reservations`), 409, "sale_ended"),
      /flash sale on Linen shirt ended/,
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals(await getStock(app.services.kv, product.id), 5);
  }));

Deno.test("a flash sale's price applies only while its product is highlighted, as viewers see it", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 5);
    const endsAt = new Date(Date.now() + 60_000).toISOString();
    await app.services.kv.set(keys.sale(streamId), { productId: product.id, salePriceMinor: 2900, endsAt });
    const add = async () => {
      const res = await new Client(app).post(`/api/streams/${streamId}/cart/items`, {
        productId: product.id,
        quantity: 1,
      });
      return (await res.json()).cart.items[0].unitPriceMinor;
    };
    assertEquals(await add(), 4900, "not highlighted: the list price");
    await app.services.kv.set(keys.highlight(streamId), product.id);
    assertEquals(await add(), 2900, "highlighted: the sale price");
    await app.services.kv.set(keys.highlight(streamId), "another-product");
    assertEquals(await add(), 4900, "the seller moved on: the list price again");
  }));

Deno.test("a cart takes only this stream's products in sane quantities, and an empty cart reserves nothing", (t) =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 5);
    const other = await createProduct(
      app.services.kv,
      "someone-else",
      { ...shirt, stock: 5 },
      app.services.clock.now(),
    );
    const buyer = new Client(app);
    await buyer.request(`/api/streams/${streamId}/cart`);
    const before = await kvSnapshot(app.services.kv);
    const add = (body: unknown) => buyer.post(`/api/streams/${streamId}/cart/items`, body);
    const cases: [string, () => Promise<Response>, number, string][] = [
      ["a missing product", () => add({ productId: "nope", quantity: 1 }), 404, "product_not_found"],
      ["another seller's product", () => add({ productId: other.id, quantity: 1 }), 404, "product_not_found"],
      ["11 of one product", () => add({ productId: product.id, quantity: 11 }), 400, "invalid_input"],
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
        "a reservation with a body",
        () => buyer.post(`/api/streams/${streamId}/reservations`, { priceMinor: 1 }),
        400,
        "invalid_input",
      ],
    ];
    for (const [what, send, status, code] of cases) {
      await t.step(what, async () => {
        await expectError(await send(), status, code);
        assertEquals(await kvSnapshot(app.services.kv), before);
      });
    }
  }));

Deno.test("a cart holds one currency, so a reservation has one total", () =>
  withApp(async (app) => {
    const { streamId, product, sellerId } = await liveShop(app, 5);
    const dollars = await createProduct(
      app.services.kv,
      sellerId,
      { ...shirt, currency: "USD", stock: 5 },
      app.services.clock.now(),
    );
    const buyer = new Client(app);
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 1 });
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
  }));

Deno.test("analytics count chat, sheet opens, likes, viewers and reservations, for the stream's owner only", (t) =>
  withApp(async (app) => {
    const { seller, streamId, product } = await liveShop(app, 5);
    const viewer = new Client(app);
    await viewer.post(`/api/streams/${streamId}/chat`, { text: "Hello!" });
    await seller.post(`/api/streams/${streamId}/chat`, { text: "Welcome" });
    await viewer.post(`/api/streams/${streamId}/like`);
    for (let i = 0; i < 3; i++) {
      assertEquals((await viewer.post(`/api/streams/${streamId}/products/${product.id}/opened`)).status, 204);
    }
    await viewer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 2 });
    assertEquals((await viewer.post(`/api/streams/${streamId}/reservations`)).status, 201);
    for (const identity of ["guest-a", "guest-b", "guest-a"]) {
      await recordVisitor(app.services.kv, streamId, identity);
    }
    const expected = {
      peakViewers: 0,
      uniqueViewers: 2,
      chatMessages: 2,
      likes: 1,
      sheetOpens: 3,
      reservations: 1,
      unitsReserved: 2,
    };
    assertEquals(await (await seller.request(`/api/streams/${streamId}/analytics`)).json(), expected);

    await t.step("anyone else is refused", async () => {
      const other = new Client(app);
      await signUp(other, "other@example.com");
      await expectError(await other.request(`/api/streams/${streamId}/analytics`), 403, "not_stream_owner");
      await expectError(await viewer.request(`/api/streams/${streamId}/analytics`), 401, "sign_in_required");
      await expectError(await other.request(`/api/streams/${streamId}/sales`), 403, "not_stream_owner");
    });

    await t.step("a sheet open of a missing or foreign product counts nothing", async () => {
      const foreign = await createProduct(
        app.services.kv,
        "someone-else",
        { ...shirt, stock: 1 },
        app.services.clock.now(),
      );
      const before = await kvSnapshot(app.services.kv);
      for (const id of ["nope", foreign.id]) {
        await expectError(
          await viewer.post(`/api/streams/${streamId}/products/${id}/opened`),
          404,
          "product_not_found",
        );
      }
      await expectError(
        await viewer.post(`/api/streams/${streamId}/products/${product.id}/opened`, { count: 5 }),
        400,
        "invalid_input",
      );
      assertEquals(await kvSnapshot(app.services.kv), before);
    });

    await t.step("the studio shows sales while live and the numbers once the stream has ended", async () => {
      const live = await (await seller.request(`/studio/${streamId}`)).text();
      assertMatch(live, /class="sales-feed"/);
      assertMatch(live, /class="reservation" data-id="[0-9a-z]+"/);
      assertEquals(live.includes("stream-analytics"), false);
      await seller.post(`/api/streams/${streamId}/end`);
      const ended = await (await seller.request(`/studio/${streamId}`)).text();
      assertMatch(ended, /data-stat="reservations" data-value="1"/);
      assertMatch(ended, /data-stat="sheetOpens" data-value="3"/);
      await expectError(
        await viewer.post(`/api/streams/${streamId}/products/${product.id}/opened`),
        409,
        "stream_ended",
      );
    });
  }));
