// Serves the bare page (bench/join/bare_page.ts bundled and minified, brotli-compressed as
// the app's own scripts are) on a free loopback port, for as long as the bench runs. At
// /floor it serves the same script in the watch page's own HTML and stylesheet, without
// the islands: what any page showing that much costs before its own code runs. At
// `elsewhere` it serves a page of another site (localhost, where the pages are on
// 127.0.0.1), which viewers arrive from.
import { compress } from "@/lib/fresh/compress.ts";
import { minifiedBundle } from "../minified_bundle.ts";

const PRELOAD = `<link rel="modulepreload" href="/bare.js">`;
const SCRIPT = `<script type="module" src="/bare.js"></script>`;
const HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>bare</title>
${PRELOAD}</head><body>${SCRIPT}</body></html>`;
const ELSEWHERE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>elsewhere</title></head>
<body><p>A page on another site, with a link to a live stream.</p></body></html>`;

/** The watch page's HTML with its scripts, preloads and island props swapped for the bare script. */
export function floorOf(watchHtml: string, appUrl: string): string {
  return watchHtml
    .replace(/<link rel="modulepreload"[^>]*>|<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace('href="/styles.css"', `href="${new URL("/styles.css", appUrl)}"`)
    .replace("</head>", `${PRELOAD}</head>`)
    .replace("</body>", `${SCRIPT}</body>`);
}

export async function serveBarePage(
  floorHtml = "",
): Promise<{ url: string; elsewhere: string; close(): Promise<void> }> {
  const js = await minifiedBundle(new URL("./bare_page.ts", import.meta.url).pathname, "the bare page");
  const brotli = compress(js, "br", true);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => {
    const path = new URL(req.url).pathname;
    if (path !== "/bare.js") {
      const html = path === "/floor" ? floorHtml : path === "/elsewhere" ? ELSEWHERE : HTML;
      return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
    }
    const br = req.headers.get("accept-encoding")?.includes("br");
    return new Response((br ? brotli : js) as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": "text/javascript",
        ...(br ? { "content-encoding": "br" } : {}),
      },
    });
  });
  const port = server.addr.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    elsewhere: `http://localhost:${port}/elsewhere`,
    close: () => server.shutdown(),
  };
}
