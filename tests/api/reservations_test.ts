import { assertEquals, assertMatch } from "../assert.ts";
import { keys } from "../../lib/store/keys.ts";
import { createProduct, getStock } from "../../lib/store/products.ts";
import { Client, createStream, expectError, kvSnapshot, signUp, withApp } from "./client.ts";

const shirt = { name: "Linen shirt", description: "", priceMinor: 4900, currency: "EUR", buyUrl: null };

async function liveShop(app: Parameters<Parameters<typeof withApp>[0]>[0], stock: number) {
  const seller = new Client(app);
  const sellerId = await signUp(seller);
  const streamId = await createStream(seller);
  await seller.post(`/api/streams/${streamId}/live`);
  const product = await createProduct(app.services.kv, sellerId, { ...shirt, stock });
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
    assertEquals(toSeller.every((s) => s.to?.length === 1 && s.to[0] === `seller-${sellerId}`), true);
  }));

Deno.test("a reservation after a flash sale ended is refused, and nothing changes", () =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 5);
    const endsAt = new Date(Date.now() + 600).toISOString();
    await app.services.kv.set(keys.sale(streamId), { productId: product.id, salePriceMinor: 2900, endsAt });
    const buyer = new Client(app);
    const added =
      await (await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 2 }))
        .json();
    assertEquals(added.cart.items[0].unitPriceMinor, 2900, "added at the sale price");
    await new Promise((resolve) => setTimeout(resolve, 700));
    const before = await kvSnapshot(app.services.kv);
    assertMatch(
      await expectError(await buyer.post(`/api/streams/${streamId}/reservations`), 409, "sale_ended"),
      /flash sale on Linen shirt ended/,
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals(await getStock(app.services.kv, product.id), 5);
  }));

Deno.test("a cart takes only this stream's products in sane quantities, and an empty cart reserves nothing", (t) =>
  withApp(async (app) => {
    const { streamId, product } = await liveShop(app, 5);
    const other = await createProduct(app.services.kv, "someone-else", { ...shirt, stock: 5 });
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
