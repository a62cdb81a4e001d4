import { bundleIslands, bundleResponse, readBundle, writeBundle } from "./bundle.ts";
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

Deno.test("writeBundle() output round-trips through readBundle()", async () => {
  const dir = new URL(`file://${await Deno.makeTempDir()}/islands/`);
  try {
    assertEquals(await readBundle(dir), null);
    const files = new Map([["boot.js", new TextEncoder().encode("x")]]);
    await writeBundle(files, dir);
    assertEquals(text((await readBundle(dir))?.get("boot.js")), "x");
  } finally {
    await Deno.remove(new URL("../", dir), { recursive: true });
  }
});

Deno.test("bundleResponse() caches chunks forever and entries never", async () => {
  const files = new Map([["boot.js", new Uint8Array(1)], [
    "chunk-AB12.js",
    new Uint8Array(1),
  ]]);
  const entry = bundleResponse(files, "boot.js");
  const chunk = bundleResponse(files, "chunk-AB12.js");
  assertEquals(entry?.headers.get("cache-control"), "no-cache");
  assertEquals(
    chunk?.headers.get("cache-control"),
    "public, max-age=31536000, immutable",
  );
  assertEquals(bundleResponse(files, "nope.js"), null);
  await entry?.body?.cancel();
  await chunk?.body?.cancel();
});
