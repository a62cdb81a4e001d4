import { compressedAsset, serveAsset } from "./assets.ts";
import { assertEquals } from "./test_utils.ts";

Deno.test("serveAsset() answers a HEAD with the length the GET's body has, in each encoding, and no body", async () => {
  const css = await compressedAsset(
    "text/css; charset=utf-8",
    new TextEncoder().encode("a{color:red}\n".repeat(300)),
  );
  for (const encoding of ["br", "gzip", "identity"]) {
    const ask = (method: string) =>
      serveAsset(
        new Request("http://x/styles.css", { method, headers: { "accept-encoding": encoding } }),
        css,
        "no-cache",
      );
    const body = await ask("GET").arrayBuffer();
    const head = ask("HEAD");
    assertEquals([head.headers.get("content-length"), head.body], [`${body.byteLength}`, null], encoding);
  }
});
