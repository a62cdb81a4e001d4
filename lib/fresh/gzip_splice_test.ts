import { gunzipSync } from "node:zlib";
import { deflatePart, gzipParts } from "./gzip_splice.ts";
import { assertEquals } from "./test_utils.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

Deno.test("parts deflated apart and stored values make one gzip stream every decoder reads", async () => {
  const fixed = "<li>Linen shirt, 49 €</li>".repeat(500);
  const big = "x".repeat(70_000); // more than one stored block holds
  const parts = [
    { raw: bytes(fixed), deflated: deflatePart(bytes(fixed)) },
    { raw: bytes("ticket.abc") },
    { raw: bytes(fixed), deflated: deflatePart(bytes(fixed)) },
    { raw: bytes(big) },
    { raw: bytes("") },
  ];
  const gz = gzipParts(parts);
  const text = fixed + "ticket.abc" + fixed + big;
  assertEquals(new TextDecoder().decode(gunzipSync(gz)), text);
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"));
  assertEquals(await new Response(stream).text(), text);
  // The fixed parts were compressed: the whole is far smaller than the text.
  assertEquals(gz.length < fixed.length / 10 + big.length + 200, true);
});
