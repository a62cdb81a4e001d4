import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { bundleAssets, bundleIslands, bundleResponse, readBundle, writeBundle } from "./bundle.ts";
import { findIslandFiles } from "./islands.ts";
import { assert, assertEquals, FIXTURE } from "./test_utils.ts";

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const chunkImports = (code: string) =>
  [...code.matchAll(/from\s*"\.\/(chunk-[\w-]+\.js)"/g)].map((m) => m[1]);

Deno.test("bundleIslands() emits boot.js and Counter.js sharing one preact chunk", async () => {
  const islands = await findIslandFiles(new URL("islands/", FIXTURE));
  assertEquals(islands.map((i) => i.name), ["Counter"]);
  const files = await bundleIslands(islands);
  assert(
    files.has("boot.js") && files.has("Counter.js"),
    [...files.keys()].join(),
  );
  const bootChunks = chunkImports(text(files.get("boot.js")));
  const islandChunks = chunkImports(text(files.get("Counter.js")));
  const shared = bootChunks.filter((c) => islandChunks.includes(c));
  assertEquals(
    shared.length,
    1,
    `boot ${bootChunks} vs island ${islandChunks}`,
  );
  const chunk = text(files.get(shared[0]!));
  assert(chunk.includes("preact"), "preact lives in the shared chunk");
  assert(
    !text(files.get("Counter.js")).includes("preact.module.js"),
    "no second preact copy",
  );
  assert(
    text(files.get("boot.js")).includes("/_islands/"),
    "boot loads islands by URL",
  );
});

Deno.test("writeBundle() output round-trips through readBundle(), with its brotli and gzip forms", async () => {
  const dir = new URL(`file://${await Deno.makeTempDir()}/islands/`);
  try {
    assertEquals(await readBundle(dir), null);
    const code = "export const x = 1;\n".repeat(200);
    await writeBundle(new Map([["boot.js", new TextEncoder().encode(code)]]), dir);
    const boot = (await readBundle(dir))?.get("boot.js");
    assertEquals(text(boot?.raw), code);
    assertEquals(new TextDecoder().decode(brotliDecompressSync(boot!.encoded.br!)), code);
    assertEquals(new TextDecoder().decode(gunzipSync(boot!.encoded.gzip!)), code);
  } finally {
    await Deno.remove(new URL("../", dir), { recursive: true });
  }
});

Deno.test("bundleResponse() caches chunks forever and entries never, compressed as the client accepts", async () => {
  const code = new TextEncoder().encode("export const x = 1;\n".repeat(200));
  const files = await bundleAssets(new Map([["boot.js", code], ["chunk-AB12.js", code]]));
  const get = (name: string, encoding = "gzip, deflate, br") =>
    bundleResponse(new Request("http://x/", { headers: { "accept-encoding": encoding } }), files, name);
  const entry = get("boot.js");
  const chunk = get("chunk-AB12.js", "gzip");
  assertEquals(entry?.headers.get("cache-control"), "no-cache");
  assertEquals(chunk?.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assertEquals([entry?.headers.get("content-encoding"), chunk?.headers.get("content-encoding")], [
    "br",
    "gzip",
  ]);
  assertEquals(entry?.headers.get("vary"), "Accept-Encoding");
  assertEquals(new TextDecoder().decode(gunzipSync(new Uint8Array(await chunk!.arrayBuffer()))), text(code));
  const plain = get("boot.js", "identity");
  assertEquals([plain?.headers.get("content-encoding"), (await plain!.arrayBuffer()).byteLength], [
    null,
    code.length,
  ]);
  const again = bundleResponse(
    new Request("http://x/", { headers: { "if-none-match": entry!.headers.get("etag")! } }),
    files,
    "boot.js",
  );
  assertEquals(again?.status, 304, "a revisit revalidates for nothing");
  assertEquals(get("nope.js"), null);
  await entry?.body?.cancel();
});
