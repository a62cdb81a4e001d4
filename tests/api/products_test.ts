import { assertEquals, assertMatch } from "../assert.ts";
import { Client, expectError, kvSnapshot, signUp, withApp } from "./client.ts";

const shirt = {
  name: "Linen shirt",
  description: "Sand, all sizes",
  priceMinor: 4900,
  currency: "EUR",
  stock: 10,
};

async function createProduct(client: Client, body: Record<string, unknown> = shirt): Promise<string> {
  const res = await client.post("/api/products", body);
  if (res.status !== 201) throw new Error(`create product failed: ${res.status} ${await res.text()}`);
  return (await res.json()).product.id;
}

Deno.test("a seller creates, edits and deletes a product; anyone can read it", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const id = await createProduct(seller, { ...shirt, buyUrl: "https://shop.example/linen" });
    const read = async () => (await (await new Client(app).request(`/api/products/${id}`)).json()).product;
    assertEquals((await read()).stock, 10);
    assertEquals((await read()).buyUrl, "https://shop.example/linen");
    assertEquals((await read()).sellerId, undefined, "the seller's id stays private");
    const patch = await seller.request(`/api/products/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ priceMinor: 3900, stock: 4 }),
    });
    assertEquals(patch.status, 200);
    assertEquals([(await read()).priceMinor, (await read()).stock], [3900, 4]);
    const list = await (await seller.request("/api/products")).json();
    assertEquals(list.products.map((p: { id: string }) => p.id), [id]);
    assertEquals((await seller.request(`/api/products/${id}`, { method: "DELETE" })).status, 204);
    await expectError(await new Client(app).request(`/api/products/${id}`), 404, "product_not_found");
  }));

Deno.test("product input is checked field by field: each bad value is a clear 4xx and stores nothing", (t) =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const before = await kvSnapshot(app.services.kv);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["a negative price", { ...shirt, priceMinor: -1 }, /negative/],
      ["a fractional price", { ...shirt, priceMinor: 49.5 }, /whole number/],
      ["an unknown currency", { ...shirt, currency: "XYZ" }, /Currency must be one of/],
      ["a negative stock", { ...shirt, stock: -3 }, /negative/],
      ["an empty name", { ...shirt, name: "  " }, /required/],
      ["a buy link that is not http(s)", { ...shirt, buyUrl: "javascript:alert(1)" }, /http/],
      ["an unknown field", { ...shirt, sellerId: "someone-else" }, /sellerId|unrecognized/i],
    ];
    for (const [what, body, message] of cases) {
      await t.step(what, async () => {
        assertMatch(
          await expectError(await seller.post("/api/products", body), 400, "invalid_input"),
          message,
        );
        assertEquals(await kvSnapshot(app.services.kv), before);
      });
    }
  }));

Deno.test("only a product's owner can change it; guests must sign in", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    await signUp(owner);
    const id = await createProduct(owner);
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival");
    const before = await kvSnapshot(app.services.kv);
    const patch = (c: Client) =>
      c.request(`/api/products/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ priceMinor: 1 }),
      });
    await expectError(await patch(rival), 403, "not_product_owner");
    await expectError(
      await rival.request(`/api/products/${id}`, { method: "DELETE" }),
      403,
      "not_product_owner",
    );
    await expectError(await patch(new Client(app)), 401, "sign_in_required");
    await expectError(await new Client(app).post("/api/products", shirt), 401, "sign_in_required");
    await expectError(await owner.request("/api/products/nope"), 404, "product_not_found");
    assertEquals(await kvSnapshot(app.services.kv), before, "refused requests change nothing");
  }));
