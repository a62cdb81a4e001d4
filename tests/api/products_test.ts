import { imageSize } from "image-size";
import { imagesDir } from "@/lib/catalog/images.ts";
import { getUsage } from "@/lib/catalog/store.ts";
import type { Showfloor } from "@/lib/server/showfloor.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import {
  filesUnder,
  JPEG_BYTES,
  PNG_BYTES,
  pngOfSize,
  pngSized,
  TEXT_BYTES,
  WEBP_BYTES,
} from "@/tests/fixtures/images.ts";
import { photoJpeg, pngWithText, PRIVATE_WORDS } from "@/tests/fixtures/photo_metadata.ts";
import { Client, createStream, expectError, focusedTag, kvSnapshot, signUp, withApp } from "./client.ts";

const shirt = {
  name: "Linen shirt",
  description: "Sand, all sizes",
  priceMinor: 4900,
  currency: "EUR",
  stock: 10,
};

/** A multipart body as a browser's form sends it: every field a string, plus an optional image file. */
function productForm(fields: Record<string, unknown>, image?: File): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, String(value));
  if (image) form.set("image", image);
  return form;
}

const file = (bytes: Uint8Array, name = "photo.png") => new File([bytes as BlobPart], name);
const send = (client: Client, method: string, path: string, body: FormData | Record<string, unknown>) =>
  client.request(path, {
    method,
    ...(body instanceof FormData
      ? { body }
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });

/** The request `form` makes, cut off inside its last part: an upload dropped on its way. */
async function cutOff(client: Client, method: string, path: string, form: FormData) {
  const whole = new Request("http://x/", { method: "POST", body: form });
  const body = new Uint8Array(await whole.arrayBuffer());
  const headers = { "content-type": whole.headers.get("content-type")! };
  return client.request(path, { method, headers, body: body.subarray(0, body.length - 60) });
}

async function createProduct(client: Client, body: FormData | Record<string, unknown> = shirt) {
  const res = await send(client, "POST", "/api/products", body);
  if (res.status !== 201) throw new Error(`create product failed: ${res.status} ${await res.text()}`);
  return (await res.json()).product;
}

/** KV and the images folder, to prove a refused request stored nothing anywhere. */
async function storeSnapshot(app: Showfloor) {
  return { kv: await kvSnapshot(app.services.kv), files: await filesUnder(app.services.config.dataDir) };
}

Deno.test("a seller creates, edits and deletes a product; anyone can read it", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const { id } = await createProduct(seller, { ...shirt, buyUrl: "https://shop.example/linen" });
    const read = async () => (await (await new Client(app).request(`/api/products/${id}`)).json()).product;
    const first = await read();
    assertEquals([first.stock, first.buyUrl, first.imageUrl], [10, "https://shop.example/linen", null]);
    assertEquals(first.sellerId, undefined, "the seller's id stays private");
    const patch = await send(seller, "PATCH", `/api/products/${id}`, { priceMinor: 3900, stock: 4 });
    assertEquals(patch.status, 200);
    const patched = await read();
    assertEquals([patched.priceMinor, patched.stock], [3900, 4]);
    assertEquals(
      [patched.description, patched.buyUrl],
      [shirt.description, "https://shop.example/linen"],
      "fields a patch leaves out stay as they were",
    );
    await send(seller, "PATCH", `/api/products/${id}`, { buyUrl: "" });
    assertEquals((await read()).buyUrl, null, "an empty buy link removes it");
    const list = await (await seller.request("/api/products")).json();
    assertEquals(list.products.map((p: { id: string }) => p.id), [id]);
    assertEquals((await seller.request(`/api/products/${id}`, { method: "DELETE" })).status, 204);
    await expectError(await new Client(app).request(`/api/products/${id}`), 404, "product_not_found");
  }));

Deno.test("a product's image is uploaded with it, served with its type and cached for good, replaced and removed", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const images = imagesDir(app.services.config.dataDir);
    const created = await createProduct(seller, productForm(shirt, file(PNG_BYTES, "shirt.png")));
    assertEquals([created.priceMinor, created.stock, created.image.type], [4900, 10, "image/png"]);
    assertMatch(created.imageUrl, /^\/images\/[0-9a-f]{32}\.png$/);
    const image = await new Client(app).request(created.imageUrl);
    assertEquals(image.status, 200);
    assertEquals(image.headers.get("content-type"), "image/png");
    assertEquals(image.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assertEquals(image.headers.get("x-content-type-options"), "nosniff");
    assertEquals(new Uint8Array(await image.arrayBuffer()), PNG_BYTES);

    // A JPEG named .webp is stored and served as the JPEG it is.
    const res = await send(
      seller,
      "PATCH",
      `/api/products/${created.id}`,
      productForm({}, file(JPEG_BYTES, "x.webp")),
    );
    const replaced = (await res.json()).product;
    assertEquals([res.status, replaced.image.type, replaced.name], [200, "image/jpeg", shirt.name]);
    assertEquals(
      (await new Client(app).request(replaced.imageUrl)).headers.get("content-type"),
      "image/jpeg",
    );
    const gone = await new Client(app).request(created.imageUrl);
    assertEquals(gone.status, 404, "the replaced image is removed");
    await gone.body?.cancel();
    assertEquals(await filesUnder(images), [replaced.image.id]);

    const webp = await createProduct(
      seller,
      productForm({ ...shirt, name: "Scarf" }, file(WEBP_BYTES, "s.webp")),
    );
    assertEquals(webp.image.type, "image/webp");
    await seller.request(`/api/products/${created.id}`, { method: "DELETE" });
    await seller.request(`/api/products/${webp.id}`, { method: "DELETE" });
    assertEquals(await filesUnder(images), [], "deleting a product deletes its image");
  }));

Deno.test("a photo's GPS position, owner and serial never reach viewers, from the API or the studio; a turned photo stays turned", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const sellerId = await signUp(seller);
    const photo = file(photoJpeg(6), "IMG_0001.jpg");
    const served = async (imageUrl: string) => {
      const bytes = new Uint8Array(await (await new Client(app).request(imageUrl)).arrayBuffer());
      const text = new TextDecoder("latin1").decode(bytes);
      for (const word of PRIVATE_WORDS) assert(!text.includes(word), `${imageUrl} holds ${word}`);
      assertEquals(imageSize(bytes).orientation, 6, "a browser still turns it upright");
      return bytes.length;
    };
    const fromApi = await createProduct(seller, productForm(shirt, photo));
    const apiBytes = await served(fromApi.imageUrl);
    assertEquals([fromApi.image.bytes, (await getUsage(app.services.kv, sellerId)).imageBytes], [
      apiBytes,
      apiBytes,
    ], "the quota counts the bytes kept");

    const { priceMinor: _, ...fields } = shirt;
    const added = await seller.request("/studio/products", {
      method: "POST",
      body: productForm({ ...fields, name: "Wool hat", price: "19" }, photo),
      redirect: "manual",
    });
    assertEquals(added.status, 303);
    const { products } = await (await seller.request("/api/products")).json();
    const hat = products.find((p: { name: string }) => p.name === "Wool hat");
    assertEquals(await served(hat.imageUrl), apiBytes);
  }));

Deno.test("edits and deletes racing each other leave one product or none, one image, and the quota right", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const sellerId = await signUp(seller);
    const images = imagesDir(app.services.config.dataDir);
    const big = (n: number) => file(pngOfSize(200_000 + n));
    const path = (id: string) => `/api/products/${id}`;

    const shown = await createProduct(seller, productForm(shirt, big(0)));
    const edits = await Promise.all(
      [1, 2, 3, 4].map((n) => send(seller, "PATCH", path(shown.id), productForm({}, big(n)))),
    );
    assertEquals(edits.map((r) => r.status), [200, 200, 200, 200]);
    await Promise.all(edits.map((r) => r.body?.cancel()));
    const now = (await (await seller.request(path(shown.id))).json()).product;
    assertEquals(await filesUnder(images), [now.image.id], "the images replaced are all removed");
    assertEquals(await getUsage(app.services.kv, sellerId), {
      products: 1,
      imageBytes: now.image.bytes,
    });

    // An edit with a new image racing a delete: the product stays deleted, its images go.
    for (let n = 0; n < 5; n++) {
      const doomed = await createProduct(seller, productForm({ ...shirt, name: `Doomed ${n}` }));
      const [edit, removed] = await Promise.all([
        send(seller, "PATCH", path(doomed.id), productForm({}, big(10 + n))),
        seller.request(path(doomed.id), { method: "DELETE" }),
      ]);
      assertEquals(removed.status, 204);
      assert([200, 404].includes(edit.status), `${edit.status}`);
      await edit.body?.cancel();
      const after = await seller.request(path(doomed.id));
      assertEquals(after.status, 404, "deleted stays deleted");
      await after.body?.cancel();
    }
    const again = await Promise.all([1, 2].map(() => seller.request(path(shown.id), { method: "DELETE" })));
    const statuses = again.map((r) => r.status).sort();
    assert(statuses[0] === 204 && [204, 404].includes(statuses[1]!), `deleted twice at once: ${statuses}`);
    await Promise.all(again.map((r) => r.body?.cancel()));
    assertEquals(await filesUnder(images), []);
    assertEquals(await getUsage(app.services.kv, sellerId), { products: 0, imageBytes: 0 });
  }));

Deno.test("product input is checked field by field: each bad value is a clear 4xx and stores nothing", (t) =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const existing = await createProduct(seller, productForm(shirt, file(PNG_BYTES)));
    const before = await storeSnapshot(app);
    const create = (body: FormData | Record<string, unknown>) => send(seller, "POST", "/api/products", body);
    const edit = (body: FormData | Record<string, unknown>) =>
      send(seller, "PATCH", `/api/products/${existing.id}`, body);
    const cases: [string, () => Promise<Response>, number, string, RegExp][] = [
      ["a negative price", () => create({ ...shirt, priceMinor: -1 }), 400, "invalid_input", /negative/],
      [
        "a negative price in a form",
        () => create(productForm({ ...shirt, priceMinor: "-1" })),
        400,
        "invalid_input",
        /negative/,
      ],
      [
        "a fractional price",
        () => create({ ...shirt, priceMinor: 49.5 }),
        400,
        "invalid_input",
        /whole number/,
      ],
      [
        "a fractional price in a form",
        () => create(productForm({ ...shirt, priceMinor: "1.5" })),
        400,
        "invalid_input",
        /whole number/,
      ],
      [
        "an empty price in a form",
        () => create(productForm({ ...shirt, priceMinor: "" })),
        400,
        "invalid_input",
        /whole number/,
      ],
      [
        "an unknown currency",
        () => create({ ...shirt, currency: "XYZ" }),
        400,
        "invalid_input",
        /Currency must be one of/,
      ],
      ["a negative stock", () => create({ ...shirt, stock: -3 }), 400, "invalid_input", /negative/],
      ["an empty name", () => create({ ...shirt, name: "  " }), 400, "invalid_input", /required/],
      [
        "a buy link that is not http(s)",
        () => create({ ...shirt, buyUrl: "javascript:alert(1)" }),
        400,
        "invalid_input",
        /http/,
      ],
      [
        "an unknown field",
        () => create({ ...shirt, sellerId: "someone-else" }),
        400,
        "invalid_input",
        /sellerId|unrecognized/i,
      ],
      [
        "a 0-byte image",
        () => create(productForm(shirt, file(new Uint8Array(), "empty.png"))),
        400,
        "empty_image",
        /empty/,
      ],
      [
        "a text file renamed .png",
        () => create(productForm(shirt, file(TEXT_BYTES, "photo.png"))),
        415,
        "unsupported_image",
        /PNG, JPEG or WebP/,
      ],
      [
        "an image just over 5 MB",
        () => create(productForm(shirt, file(pngOfSize(5_000_001)))),
        413,
        "image_too_large",
        /at most 5 MB/,
      ],
      [
        "a few bytes of PNG that say 30,000 × 30,000 pixels",
        () => create(productForm(shirt, file(pngSized(30_000, 30_000)))),
        400,
        "image_dimensions",
        /at most 10,000 pixels a side and 50 megapixels; this one is 30,000 × 30,000/,
      ],
      [
        "a PNG cut off before its size",
        () => edit(productForm({}, file(PNG_BYTES.subarray(0, 12)))),
        400,
        "image_truncated",
        /cut short or damaged/,
      ],
      [
        "a PNG cut short after its size",
        () => create(productForm(shirt, file(PNG_BYTES.subarray(0, 33)))),
        400,
        "image_truncated",
        /cut short or damaged: upload it again/,
      ],
      [
        "a whole PNG of 5,000 text chunks",
        () => create(productForm(shirt, file(pngWithText(5_000)))),
        400,
        "image_too_complex",
        /^This image file has too many parts \(over 1,000\)\. Save it again as a plain PNG, JPEG or WebP and upload that\.$/,
      ],
      [
        "a 6 MB image (over the route's body limit)",
        () => create(productForm(shirt, file(pngOfSize(6_000_000)))),
        413,
        "payload_too_large",
        /exceeds 5.5 MB/,
      ],
      [
        "a good image with a bad field",
        () => create(productForm({ ...shirt, currency: "XYZ" }, file(PNG_BYTES))),
        400,
        "invalid_input",
        /Currency/,
      ],
      [
        "an edit with a renamed text file",
        () => edit(productForm({ name: "New" }, file(TEXT_BYTES))),
        415,
        "unsupported_image",
        /PNG/,
      ],
      [
        "an edit with a 0-byte image",
        () => edit(productForm({}, file(new Uint8Array(), "empty.png"))),
        400,
        "empty_image",
        /empty/,
      ],
      ["an edit to a negative price", () => edit({ priceMinor: -1 }), 400, "invalid_input", /negative/],
      [
        "an edit of a missing product",
        () => send(seller, "PATCH", "/api/products/nope", productForm({ name: "X" }, file(PNG_BYTES))),
        404,
        "product_not_found",
        /no longer in the shop/,
      ],
      [
        "a delete of a missing product",
        () => seller.request("/api/products/nope", { method: "DELETE" }),
        404,
        "product_not_found",
        /no longer in the shop/,
      ],
      [
        "a new product's form cut off in its image",
        () => cutOff(seller, "POST", "/api/products", productForm(shirt, file(PNG_BYTES))),
        400,
        "bad_form",
        /not a valid form/,
      ],
      [
        "an edit's form cut off in its image, its fields before the cut whole",
        () =>
          cutOff(
            seller,
            "PATCH",
            `/api/products/${existing.id}`,
            productForm({ name: "Renamed", stock: 3 }, file(PNG_BYTES)),
          ),
        400,
        "bad_form",
        /not a valid form/,
      ],
      [
        "a body that is neither JSON nor a form",
        () =>
          seller.request("/api/products", {
            method: "POST",
            body: "name=x",
            headers: { "content-type": "text/plain" },
          }),
        415,
        "unsupported_media_type",
        /json/i,
      ],
    ];
    for (const [what, request, status, code, message] of cases) {
      await t.step(what, async () => {
        assertMatch(await expectError(await request(), status, code), message);
        assertEquals(await storeSnapshot(app), before, "nothing in KV, no file left on disk");
      });
    }
  }));

Deno.test("only a product's owner can change it; guests must sign in", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    await signUp(owner);
    const { id, imageUrl } = await createProduct(owner, productForm(shirt, file(PNG_BYTES)));
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival");
    const guest = new Client(app);
    const before = await storeSnapshot(app);
    const patch = (c: Client) =>
      send(c, "PATCH", `/api/products/${id}`, productForm({ priceMinor: 1 }, file(PNG_BYTES)));
    const remove = (c: Client) => c.request(`/api/products/${id}`, { method: "DELETE" });
    await expectError(await patch(rival), 403, "not_product_owner");
    await expectError(await remove(rival), 403, "not_product_owner");
    await expectError(await patch(guest), 401, "sign_in_required");
    await expectError(await remove(guest), 401, "sign_in_required");
    await expectError(await send(guest, "POST", "/api/products", shirt), 401, "sign_in_required");
    await expectError(await guest.request("/api/products"), 401, "sign_in_required");
    assertEquals(await storeSnapshot(app), before, "refused requests change nothing");
    assertEquals((await guest.request(imageUrl)).status, 200, "anyone may see the image");
  }));

Deno.test("a stranger's upload is refused before its body is read", () =>
  withApp(async (app) => {
    const guest = new Client(app);
    // A body that never ends: a route that read it would answer only when the body timed out.
    const endless = () =>
      new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new Uint8Array(64 * 1024)),
      });
    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    for (const [method, path] of [["POST", "/api/products"], ["PATCH", "/api/products/p1"]] as const) {
      const res = await guest.request(path, { method, headers: multipart, body: endless() });
      await expectError(res, 401, "sign_in_required");
    }
  }));

Deno.test("an unknown or malformed image id is a 404", () =>
  withApp(async (app) => {
    const client = new Client(app);
    for (
      const id of ["0".repeat(32) + ".png", "nope", "..%2Fshowfloor.kv", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"]
    ) {
      const res = await client.request(`/images/${id}`);
      assertEquals(res.status, 404, id);
      await res.body?.cancel();
    }
  }));

Deno.test("the catalog page lists the seller's products with thumbnail, price and stock", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const shirtView = await createProduct(seller, productForm(shirt, file(PNG_BYTES)));
    await createProduct(seller, { ...shirt, name: "Tea bowl", priceMinor: 4900, currency: "JPY", stock: 0 });
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival");
    await createProduct(rival, { ...shirt, name: "Someone else's hat" });
    const res = await seller.request("/studio/products");
    assertEquals(res.status, 200);
    const html = await res.text();
    assertMatch(html, /Linen shirt[\s\S]*€49\.00[\s\S]*10 in stock/);
    assertMatch(html, /Tea bowl[\s\S]*¥4,900[\s\S]*Sold out/);
    assert(html.includes(`src="${shirtView.imageUrl}"`), "the thumbnail is shown");
    assert(html.includes(`href="/studio/products/${shirtView.id}"`), "each product links to its edit page");
    assert(!html.includes("Someone else"), "only the seller's own products");
    assertMatch(
      html,
      /<form method="post" enctype="multipart\/form-data" class="card form" novalidate>/,
      "the app says what a field takes, in its own words beside it, not the browser's bubble",
    );
    assert(
      html.includes('enctype="multipart/form-data"') &&
        html.includes('accept="image/png,image/jpeg,image/webp"'),
    );
    assertEquals((await new Client(app).request("/studio/products", { redirect: "manual" })).status, 303);
  }));

Deno.test("the catalog forms add, edit and delete a product, and show bad input in plain words", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const post = (path: string, body: FormData) =>
      seller.request(path, { method: "POST", body, redirect: "manual" });
    // A file input left empty arrives as a nameless, empty file: no image, not an error.
    // The studio's form takes the price as people write it.
    const { priceMinor: _, ...fields } = shirt;
    const typed = { ...fields, price: "49,90" };
    const added = await post("/studio/products", productForm(typed, new File([], "")));
    assertEquals([added.status, added.headers.get("location")], [303, "/studio/products?done=added"]);
    const confirms = async (location: string | null, words: string) =>
      assertMatch(await (await seller.request(location!)).text(), new RegExp(`role="status">${words}<`));
    await confirms(added.headers.get("location"), "Product added.");
    const [product] = (await (await seller.request("/api/products")).json()).products;
    assertEquals([product.name, product.priceMinor, product.imageUrl], [shirt.name, 4990, null]);

    const before = await storeSnapshot(app);
    const bad = await post(
      "/studio/products",
      productForm({ ...typed, name: "Wool hat", price: "49.999" }),
    );
    assertEquals(bad.status, 400);
    const html = await bad.text();
    assertMatch(html, /<p id="price-error" class="field-error">Price must be an amount like 49.90<\/p>/);
    assertMatch(html, /<input name="price" aria-invalid="true" aria-describedby="price-error"/);
    assert(html.includes('value="Wool hat"') && html.includes('value="49.999"'), "what was typed is kept");
    assert(!html.includes('id="image-error"'), "no word on an image nobody chose");
    // A chosen image is not kept by the browser: the form says to choose it again, beside it.
    const withImage = await post(
      "/studio/products",
      productForm({ ...typed, name: "Wool hat", price: "49.999" }, file(PNG_BYTES)),
    );
    assertEquals(withImage.status, 400);
    const again = await withImage.text();
    assertMatch(again, /<p id="price-error" class="field-error">/);
    assertMatch(
      again,
      /<p id="image-error" class="field-error">Choose the file again: a form sent back keeps none.<\/p>/,
    );
    assertMatch(again, /role="alert">Price must be an amount like 49.90</, "the one field to fix is named");
    const big = await post(`/studio/products/${product.id}`, productForm(typed, file(pngOfSize(7_000_000))));
    assertEquals(big.status, 413);
    assertMatch(await big.text(), /Image must be at most 5 MB/);
    const complex = await post("/studio/products", productForm(typed, file(pngWithText(5_000))));
    assertEquals(complex.status, 400);
    assertMatch(
      await complex.text(),
      /<p id="image-error" class="field-error">This image file has too many parts \(over 1,000\)\. Save it again as a plain PNG, JPEG or WebP and upload that\.<\/p>/,
    );
    assertEquals(await storeSnapshot(app), before);

    const edited = await post(
      `/studio/products/${product.id}`,
      productForm({ ...typed, price: "39", stock: 3 }, file(PNG_BYTES)),
    );
    assertEquals(edited.status, 303);
    await confirms(edited.headers.get("location"), "Changes saved.");
    const after = (await (await seller.request(`/api/products/${product.id}`)).json()).product;
    assertEquals([after.priceMinor, after.stock, after.image.type], [3900, 3, "image/png"]);
    // Deleting asks first (a disclosure, no JavaScript needed, said to be open or closed),
    // naming the product, and can be called off: "Keep it" is the page anew, the question closed.
    const editPage = await (await seller.request(`/studio/products/${product.id}`)).text();
    assertMatch(
      editPage,
      new RegExp(
        `<details class="confirm-delete"><summary role="button">Delete product</summary><form method="post" action="/studio/products/${product.id}/delete" class="form"><p>Delete “<bdi>Linen shirt</bdi>” for good\\?.*?<button type="submit" class="danger">Yes, delete it</button><a href="/studio/products/${product.id}">Keep it</a>`,
      ),
    );
    const deleted = await post(`/studio/products/${product.id}/delete`, new FormData());
    assertEquals(deleted.status, 303);
    await confirms(deleted.headers.get("location"), "Product deleted.");
    assertEquals((await (await seller.request("/api/products")).json()).products, []);
    assertEquals(await filesUnder(app.services.config.dataDir), []);
  }));

Deno.test("an error page after a form's post leads back to a page there is, not to an address only POST answers", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const sellerId = await signUp(seller);
    const { id } = await createProduct(seller);
    const streamId = await createStream(seller);
    const backOf = async (path: string, headers: Record<string, string> = {}) => {
      const res = await seller.request(path, { method: "POST", headers, redirect: "manual" });
      const back = (await res.text()).match(/<a href="([^"]*)">Back to the page<\/a>/)?.[1] ?? null;
      if (back) assertEquals((await seller.request(back)).status, 200, `${back} is a page`);
      return [res.status, back];
    };
    const foreign = { "sec-fetch-site": "cross-site" };
    // Deleted already: not its page, which is gone too, but the catalog.
    assertEquals(await backOf("/studio/products/gone/delete"), [404, "/studio/products"]);
    // Refused otherwise: the product's page, where deleting it was asked for.
    assertEquals(await backOf(`/studio/products/${id}/delete`, foreign), [403, `/studio/products/${id}`]);
    // /studio/moderating is no page (the studio would take it for a stream's id): the studio.
    assertEquals(await backOf(`/studio/moderating/${sellerId}/step-down`, foreign), [403, "/studio"]);
    assertEquals(await backOf("/studio/account/password", foreign), [403, "/studio/account"]);
    // A page that posts to itself is its own way back.
    assertEquals(await backOf(`/watch/${streamId}`, foreign), [403, `/watch/${streamId}`]);
  }));

Deno.test("a form's address opened by hand says there is no page there, in plain words", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const { id } = await createProduct(seller);
    const res = await seller.request(`/studio/products/${id}/delete`);
    assertEquals(res.status, 405);
    const html = await res.text();
    assertMatch(html, /<h1[^>]*>Nothing to show here<\/h1>/);
    assertMatch(html, /There is no page at this address: it only takes a form sent from its page/);
    assertEquals(
      (await (await seller.request(`/api/products/${id}`)).json()).product.id,
      id,
      "nothing deleted",
    );
  }));

Deno.test("a seller with no products is told so above the form, on a refused form as on a normal load", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const { priceMinor: _, ...fields } = shirt;
    const body = productForm({ ...fields, price: "1.234,50" });
    const refused = await seller.request("/studio/products", { method: "POST", body, redirect: "manual" });
    assertEquals(refused.status, 400);
    for (const html of [await refused.text(), await (await seller.request("/studio/products")).text()]) {
      const empty = html.indexOf("No products yet.");
      assert(empty > 0 && empty < html.indexOf("<h2>New product</h2>"), "told there are none, then the form");
    }
  }));

Deno.test("a refused product form names every field to fix at once, each under its field, in the product's currency", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const { priceMinor: _, ...fields } = shirt;
    const post = async (typed: Record<string, unknown>) => {
      const res = await seller.request("/studio/products", {
        method: "POST",
        body: productForm({ ...fields, ...typed }),
        redirect: "manual",
      });
      assertEquals(res.status, 400);
      return await res.text();
    };
    /** `words` right under the field `name`, in its own cell of the row (not under the row's last field). */
    const under = (html: string, name: string, words: string) =>
      assertMatch(
        html,
        new RegExp(
          `<(input|select) name="${name}"[^>]*>.*?</label><p id="${name}-error" class="field-error">${words}</p></div>`,
        ),
        name,
      );

    const tooDear = await post({ price: "1000000.01" });
    under(tooDear, "price", "Price must be at most €1,000,000.00");
    under(await post({ price: "100000001", currency: "JPY" }), "price", "Price must be at most ¥100,000,000");
    assert(!tooDear.includes("yen"), "a euro price is not told about yen");

    const both = await post({ price: "abc", stock: "-1" });
    assertMatch(both, /role="alert"[^>]*>Please fix the 2 fields marked below.</);
    under(both, "price", "Price must be an amount like 49.90");
    under(both, "stock", "Stock must not be negative");
  }));

Deno.test("a refused product form comes back focused on what to fix, above the catalog however long", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    for (const name of ["Linen shirt", "Wool hat", "Silk scarf", "Cotton socks"]) {
      await createProduct(seller, { ...shirt, name });
    }
    const [product] = (await (await seller.request("/api/products")).json()).products;
    const { priceMinor: _, ...fields } = shirt;
    const typed = { ...fields, price: "49.90" };
    const post = async (path: string, body: FormData, status = 400) => {
      const res = await seller.request(path, { method: "POST", body, redirect: "manual" });
      assertEquals(res.status, status, path);
      return await res.text();
    };
    const listed = await (await seller.request("/studio/products")).text();
    assert(
      listed.indexOf("Cotton socks") < listed.indexOf("New product"),
      "the catalog, then the form to add",
    );

    // A field the error is about: that field, and the form with its error before the catalog.
    const badLink = await post("/studio/products", productForm({ ...typed, buyUrl: "not a link" }));
    assertMatch(
      focusedTag(badLink),
      /<input name="buyUrl" aria-invalid="true" aria-describedby="buyUrl-error"/,
    );
    assert(badLink.indexOf("New product") < badLink.indexOf("Cotton socks"), "the form comes first");
    const editLink = await post(
      `/studio/products/${product.id}`,
      productForm({ ...typed, buyUrl: "not a link" }),
    );
    assertMatch(focusedTag(editLink), /<input name="buyUrl"/);

    // A price left empty: the app's words beside it, as on sign-up, not the browser's bubble.
    const priceless = await post("/studio/products", productForm({ ...typed, price: "" }));
    assertMatch(
      focusedTag(priceless),
      /<input name="price" aria-invalid="true" aria-describedby="price-error"/,
    );
    assertMatch(priceless, /<p id="price-error" class="field-error">Price is required<\/p>/);

    // An image refused for what it is: the file input, focused, with why beside it.
    const images: [string, File, number, string][] = [
      ["/studio/products", file(TEXT_BYTES, "notes.png"), 415, "Image must be a PNG, JPEG or WebP file"],
      ["/studio/products", file(pngSized(10_001, 10)), 400, "Image must be at most 10,000 pixels a side"],
      [`/studio/products/${product.id}`, file(pngOfSize(7_000_000)), 413, "Image must be at most 5 MB"],
    ];
    for (const [path, image, status, words] of images) {
      const html = await post(path, productForm(typed, image), status);
      assertMatch(
        focusedTag(html),
        /<input name="image" aria-invalid="true" aria-describedby="image-error" autofocus type="file"/,
        path,
      );
      assertMatch(html, new RegExp(`<p id="image-error" class="field-error">${words}`), path);
    }
  }));
