import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { bundleAssets, bundleIslands, bundleResponse, readBundle, writeBundle } from "./bundle.ts";
import { closureOf } from "./bundle_graph.ts";
import { findIslandFiles } from "./islands.ts";
import { assert, assertEquals, FIXTURE } from "./test_utils.ts";

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const dynamicImports = (code: string) =>
  [...code.matchAll(/import\("\.\/([\w.-]+\.js)"\)/g)].map((m) => m[1]!);

Deno.test("bundleIslands() emits boot.js and Counter.js sharing one preact, which boot loads only when islands wake", async () => {
  const islands = await findIslandFiles(new URL("islands/", FIXTURE));
  assertEquals(islands.map((i) => i.name), ["Counter"]);
  const files = await bundleIslands(islands);
  assert(files.has("boot.js") && files.has("Counter.js"), [...files.keys()].join());
  const boot = text(files.get("boot.js"));
  assert(
    !closureOf(files, ["boot.js"]).some((f) => text(files.get(f)).includes("__k")),
    "boot imports no preact",
  );
  const [preact] = dynamicImports(boot);
  assert(preact, `boot imports preact when islands wake: ${boot}`);
  const shared = closureOf(files, [preact]).filter((c) => closureOf(files, ["Counter.js"]).includes(c));
  assertEquals(shared.length, 1, "one chunk holds the preact both use");
  assert(text(files.get(shared[0]!)).includes("__k"), "the shared chunk is preact");
  assert(boot.includes("import.meta.url"), "boot loads islands by URL, from its own folder");
});

Deno.test("bundleIslands() emits an island's starter that boots the page, sharing the page's island data with boot and no preact", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const starter = new URL(`file://${dir}/Counter.start.ts`);
    await Deno.writeTextFile(
      starter,
      "export function start(props: unknown, el: HTMLElement) { el.dataset.started = JSON.stringify(props); }\n",
    );
    const [counter] = await findIslandFiles(new URL("islands/", FIXTURE));
    const files = await bundleIslands([{ ...counter!, starter }]);
    const start = closureOf(files, ["Counter.start.js"]);
    assert(text(files.get("Counter.start.js")).includes("dataset.started"), "the starter's own code");
    assert(!start.some((f) => text(files.get(f)).includes("__k")), `no preact before islands wake: ${start}`);
    const shared = start.filter((f) => f !== "Counter.start.js" && closureOf(files, ["boot.js"]).includes(f));
    assert(shared.some((f) => text(files.get(f)).includes("sf-islands")), "one island data module for both");
    assert(
      shared.some((f) => text(files.get(f)).includes("pointerdown")),
      "the starter boots the page as boot.js does",
    );
    const eager = (f: string) => text(files.get(f)).startsWith("//# allFunctionsCalledOnLoad\n");
    assert(start.every(eager), "what runs before the first frame compiles eagerly");
    assert(!eager("Counter.js") && !eager("boot.js"), "what wakes later stays lazy");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a starter that throws still leaves the page's boot to wake the islands", async () => {
  const dir = await Deno.makeTempDir();
  const globals = globalThis as unknown as { document?: unknown };
  const errors: string[] = [];
  const consoleError = console.error;
  try {
    const starter = new URL(`file://${dir}/Counter.start.ts`);
    await Deno.writeTextFile(starter, 'export function start() { throw new Error("starter broke"); }\n');
    const [counter] = await findIslandFiles(new URL("islands/", FIXTURE));
    for (const [name, code] of await bundleIslands([{ ...counter!, starter }])) {
      await Deno.writeFile(`${dir}/${name}`, code);
    }
    // Just enough of the page for the boot: one Counter island with a starter.
    globals.document = {
      getElementById: () => ({ textContent: JSON.stringify([{ name: "Counter", props: {}, start: true }]) }),
      querySelectorAll: () => [{ dataset: { index: "0", island: "Counter" } }],
    };
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    const failed = await import(`file://${dir}/Counter.start.js`).then(
      () => null,
      (err: Error) => err.message,
    );
    assertEquals(failed, "starter broke");
    dispatchEvent(new Event("pointerdown")); // the viewer reaches for something: the page settles
    // Outside a browser the island's script is not there to load: that the boot asks for it is the point.
    for (let i = 0; i < 100 && !errors.length; i++) await new Promise((r) => setTimeout(r, 20));
    assert(
      errors.some((e) => e.startsWith("island Counter failed to hydrate")),
      `boot woke the island: ${errors}`,
    );
  } finally {
    console.error = consoleError;
    delete globals.document;
    await Deno.remove(dir, { recursive: true });
  }
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
