import { brotliDecompressSync } from "node:zlib";
import { Hono } from "hono";
import { compression, negotiate } from "./compress.ts";
import { assertEquals } from "./test_utils.ts";

Deno.test("negotiate() picks brotli, else gzip, by what the client accepts; q=0 refuses", () => {
  assertEquals(negotiate("gzip, deflate, br, zstd"), "br");
  assertEquals(negotiate("gzip"), "gzip");
  assertEquals(negotiate("br;q=0, gzip;q=0.5"), "gzip");
  assertEquals(negotiate("*"), "br");
  assertEquals(negotiate("identity"), null);
  assertEquals(negotiate(null), null);
});

Deno.test("compression() compresses pages and JSON by Accept-Encoding, and leaves images and small bodies", async () => {
  const app = new Hono();
  app.use(compression());
  const page = "<p>Linen, live.</p>".repeat(200);
  app.get("/page", (c) => c.html(page));
  app.get("/tiny", (c) => c.json({ ok: true }));
  app.get("/image", (c) => c.body(new Uint8Array(4096), 200, { "content-type": "image/png" }));
  const get = (path: string, encoding = "gzip, deflate, br") =>
    app.request(path, { headers: { "accept-encoding": encoding } });

  const br = await get("/page");
  assertEquals([br.headers.get("content-encoding"), br.headers.get("vary")], ["br", "Accept-Encoding"]);
  assertEquals(new TextDecoder().decode(brotliDecompressSync(new Uint8Array(await br.arrayBuffer()))), page);
  assertEquals((await get("/page", "gzip")).headers.get("content-encoding"), "gzip");
  const plain = await get("/page", "identity");
  assertEquals([plain.headers.get("content-encoding"), await plain.text()], [null, page]);
  assertEquals((await get("/tiny")).headers.get("content-encoding"), null, "not worth it under 1 KB");
  const image = await get("/image");
  assertEquals([image.headers.get("content-encoding"), (await image.arrayBuffer()).byteLength], [null, 4096]);
});
