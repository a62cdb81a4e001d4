// Serves the bare page (bench/join/bare_page.ts bundled and minified, brotli-compressed as
// the app's own scripts are) on a free loopback port, for as long as the bench runs.
import { compress } from "@/lib/fresh/compress.ts";
import { minifiedBundle } from "../minified_bundle.ts";

const HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>bare</title>
<link rel="modulepreload" href="/bare.js"></head><body><script type="module" src="/bare.js"></script></body></html>`;

export async function serveBarePage(): Promise<{ url: string; close(): Promise<void> }> {
  const js = await minifiedBundle(new URL("./bare_page.ts", import.meta.url).pathname, "the bare page");
  const brotli = compress(js, "br", true);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => {
    if (new URL(req.url).pathname !== "/bare.js") {
      return new Response(HTML, { headers: { "content-type": "text/html; charset=utf-8" } });
    }
    const br = req.headers.get("accept-encoding")?.includes("br");
    return new Response((br ? brotli : js) as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": "text/javascript",
        ...(br ? { "content-encoding": "br" } : {}),
      },
    });
  });
  return { url: `http://127.0.0.1:${server.addr.port}/`, close: () => server.shutdown() };
}
