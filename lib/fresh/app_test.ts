import { createApp } from "./app.ts";
import { assert, assertEquals, FIXTURE } from "./test_utils.ts";
import type { State } from "./testdata/routes/_middleware.ts";

const app = await createApp<State>({
  root: FIXTURE,
  dev: true,
  initState: () => ({ trail: [] }),
  connectSrc: ["wss://media.example.test"],
});
const get = (path: string, init?: RequestInit) => app.fetch(new Request(`http://localhost${path}`, init));

Deno.test("the index route serves / inside _app.tsx as a doctype'd document", async () => {
  const res = await get("/");
  assertEquals(res.status, 200);
  assertEquals(res.headers.get("content-type"), "text/html; charset=utf-8");
  const html = await res.text();
  assert(html.startsWith("<!DOCTYPE html><html"), html);
  assert(
    html.includes("<title>fixture</title>") && html.includes("<h1>home</h1>"),
  );
});

Deno.test("a dynamic route passes params to its handler and page() data to the page", async () => {
  const res = await get("/streams/abc-1");
  assertEquals(res.headers.get("x-page"), "1");
  assert((await res.text()).includes("<h1>stream abc-1</h1>"));
});

Deno.test("a static segment wins over a dynamic one (/streams/new)", async () => {
  assert(
    (await (await get("/streams/new")).text()).includes("new stream form"),
  );
});

Deno.test("folder index routes and nested api params match", async () => {
  assert((await (await get("/studio")).text()).includes("<h1>studio for"));
  const res = await get("/api/streams/s9/token", { method: "POST" });
  assertEquals(await res.json(), { stream: "s9" });
});

Deno.test("a [...rest] route catches multi-segment paths", async () => {
  assert(
    (await (await get("/files/a/b/c.txt")).text()).includes("file a/b/c.txt"),
  );
});

Deno.test("unknown /api paths get a JSON 404", async () => {
  const res = await get("/api/nope");
  assertEquals(res.status, 404);
  assertEquals(await res.json(), {
    error: { code: "not_found", message: "Not found" },
  });
});

Deno.test("unknown page paths render _error.tsx inside _app.tsx with 404", async () => {
  const res = await get("/nope");
  assertEquals(res.status, 404);
  const html = await res.text();
  assert(
    html.includes("<title>fixture</title>") && html.includes("404 not_found"),
    html,
  );
});

Deno.test("a path no route has is still seen by the root middleware: its 404 page has its state", async () => {
  const res = await get("/nope", { headers: { "x-user": "ann" } });
  assertEquals(res.status, 404);
  assert((await res.text()).includes('<body data-user="ann">'));
});

Deno.test("an unsupported method is 405 with Allow: JSON under /api, page elsewhere", async () => {
  const api = await get("/api/echo");
  assertEquals(api.status, 405);
  assertEquals(api.headers.get("allow"), "POST");
  assertEquals((await api.json()).error, {
    code: "method_not_allowed",
    message: "GET is not allowed here (use POST)",
  });
  const pageRes = await get("/streams/x", { method: "DELETE" });
  assertEquals(pageRes.status, 405);
  assertEquals(pageRes.headers.get("allow"), "GET, HEAD");
  assert(
    (await pageRes.text()).includes("405 method_not_allowed: DELETE is not allowed here (use GET, HEAD)"),
  );
});

Deno.test("an error outside /api is JSON to a request that asks for JSON (a page's script)", async () => {
  const res = await get("/nope", { headers: { accept: "application/json" } });
  assertEquals(res.status, 404);
  assertEquals(await res.json(), { error: { code: "not_found", message: "Not found" } });
  const browser = await get("/nope", { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
  assert((await browser.text()).includes("404 not_found"), "a browser's navigation gets the page");
});

Deno.test("an HttpError thrown in an api handler becomes its JSON response", async () => {
  const res = await get("/api/fail");
  assertEquals(res.status, 409);
  assertEquals(await res.json(), {
    error: { code: "conflict", message: "Already live" },
  });
});

Deno.test("an unknown error is a generic JSON 500 that leaks nothing", async () => {
  const error = console.error;
  console.error = () => {};
  try {
    const res = await get("/api/fail", { method: "POST" });
    assertEquals(res.status, 500);
    const body = await res.text();
    assert(body.includes('"internal"') && !body.includes("secret"), body);
  } finally {
    console.error = error;
  }
});

Deno.test("a redirect to a path with a control character, which would stop Deno's server, is a 500", async () => {
  const error = console.error;
  console.error = () => {};
  try {
    for (const to of ["/\x01", "/\x7f", "/a\x1bb"]) {
      const res = await get(`/api/header?to=${encodeURIComponent(to)}`);
      assertEquals([res.status, res.headers.get("location")], [500, null], JSON.stringify(to));
      await res.body?.cancel();
    }
  } finally {
    console.error = error;
  }
  const fine = await get(`/api/header?to=${encodeURIComponent("/watch/é?x=1\tb")}`);
  assertEquals([fine.status, fine.headers.get("location")], [303, "/watch/é?x=1\tb"]);
});

Deno.test("a body that stalls is a JSON 408; one that keeps coming at the least rate is read whole", async () => {
  const quick = await createApp<State>({
    root: FIXTURE,
    dev: true,
    initState: () => ({ trail: [] }),
    bodyTime: { graceMs: 300, bytesPerSecond: 1_000 },
  });
  /** A body sent `bytes` at a time every `everyMs`, `times` times. */
  const trickle = (path: string, type: string, chunks: string[], everyMs: number) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const body = new ReadableStream({
      pull: (controller) =>
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            const next = chunks.shift();
            if (next === undefined) controller.close();
            else controller.enqueue(new TextEncoder().encode(next));
            resolve();
          }, everyMs);
        }),
      cancel: () => clearTimeout(timer),
    });
    const init = { method: "POST", body, headers: { "content-type": type }, duplex: "half" };
    return quick.fetch(new Request(`http://localhost${path}`, init as RequestInit));
  };
  const stalled = await trickle("/api/echo", "application/json", ['{"email":', ...Array(20).fill(" ")], 250);
  assertEquals([stalled.status, stalled.headers.get("connection")], [408, "close"]);
  assertEquals((await stalled.json()).error.code, "request_timeout");
  // 100 bytes every 50 ms: 2,000 B/s, for a second and a half, well past the 300 ms grace.
  const steady = await trickle(
    "/api/upload",
    "application/octet-stream",
    Array(30).fill("x".repeat(100)),
    50,
  );
  assertEquals([steady.status, await steady.json()], [200, { bytes: 3_000 }]);
});

Deno.test("api bodies over 64 KiB are rejected with a JSON 413", async () => {
  const body = JSON.stringify({ email: "a@b.co", note: "x".repeat(70_000) });
  const headers = { "content-type": "application/json" };
  const res = await get("/api/echo", { method: "POST", body, headers });
  assertEquals(res.status, 413);
  assertEquals((await res.json()).error.code, "payload_too_large");
  // Streamed bodies (no content-length) are counted too.
  const stream = new Blob([body]).stream();
  const res2 = await get("/api/echo", {
    method: "POST",
    body: stream,
    headers,
  });
  assertEquals(res2.status, 413);
  await res2.body?.cancel();
});

Deno.test("a route's `config.bodyLimit` replaces the default limit for that route only", async () => {
  const post = (path: string, bytes: number, streamed = false) => {
    const data = new Uint8Array(bytes);
    const headers = { "content-type": "application/json" };
    return get(path, { method: "POST", headers, body: streamed ? new Blob([data]).stream() : data });
  };
  assertEquals(await (await post("/api/upload", 100_000)).json(), { bytes: 100_000 });
  assertEquals(await (await post("/api/upload", 100_000, true)).json(), { bytes: 100_000 });
  for (const streamed of [false, true]) {
    const res = await post("/api/upload", 128 * 1024 + 1, streamed);
    assertEquals(res.status, 413);
    assertEquals(await res.json(), {
      error: { code: "payload_too_large", message: "Request body exceeds 128 KiB" },
    });
  }
  for (const streamed of [false, true]) {
    const other = await post("/api/echo", 100_000, streamed);
    assertEquals(other.status, 413, "other routes keep the 64 KiB default");
    await other.body?.cancel();
  }
});

Deno.test("a body over the limit is refused whatever its length header says: twice, or too little", async () => {
  for (const length of [["100000", "100000"], ["10"]]) {
    const headers = new Headers({ "content-type": "application/json" });
    for (const value of length) headers.append("content-length", value);
    const res = await get("/api/echo", {
      method: "POST",
      headers,
      body: new Blob([new Uint8Array(100_000)]).stream(),
    });
    assertEquals(res.status, 413, headers.get("content-length")!);
    await res.body?.cancel();
  }
});

Deno.test("a body is not read before its route asks for it: a route may refuse one unread", async () => {
  // A body that never ends, and no length: were it read first, no answer would come.
  const endless = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array(1024)) });
  const res = await get("/api/echo", {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: endless,
  });
  assertEquals(res.status, 415);
  await res.body?.cancel();
});

Deno.test("every response carries CSP, frame, opener and nosniff security headers, and no process hint", async () => {
  for (const path of ["/", "/api/nope", "/hello.txt"]) {
    const res = await get(path);
    await res.body?.cancel();
    const csp = res.headers.get("content-security-policy") ?? "";
    assert(
      csp.includes("script-src 'self'") &&
        csp.includes("frame-ancestors 'none'"),
      csp,
    );
    assert(csp.includes("connect-src 'self' wss://media.example.test;"), csp);
    assertEquals(res.headers.get("x-frame-options"), "DENY");
    assertEquals(res.headers.get("x-content-type-options"), "nosniff");
    assertEquals(res.headers.get("cross-origin-opener-policy"), "same-origin");
    assertEquals(res.headers.get("origin-agent-cluster"), null);
  }
});

Deno.test("files under static/ are served with their content type", async () => {
  const res = await get("/hello.txt");
  assertEquals(res.status, 200);
  assert(res.headers.get("content-type")?.startsWith("text/plain"));
  assertEquals(await res.text(), "hello static\n");
  const css = await get("/app.css");
  assert(css.headers.get("content-type")?.startsWith("text/css"));
  await css.body?.cancel();
});

Deno.test("_middleware.ts runs outer-first and can set state seen by _app and pages", async () => {
  const res = await get("/studio", { headers: { "x-user": "ada" } });
  assertEquals(res.headers.get("x-trail"), "root>studio");
  const html = await res.text();
  assert(
    html.includes('data-user="ada"') && html.includes("studio for ada"),
    html,
  );
  assertEquals((await get("/")).headers.get("x-trail"), "root");
});

Deno.test("a page without islands contains no <script", async () => {
  assert(!(await (await get("/")).text()).includes("<script"));
});

Deno.test("a page with an island has the marker, the props blob and the boot script", async () => {
  const html = await (await get("/island")).text();
  assert(
    html.includes(
      '<sf-island data-island="Counter" data-index="0" style="display:contents">',
    ),
    html,
  );
  assert(html.includes("<button"), "island is server-rendered");
  assert(html.includes('<script type="application/json" id="sf-islands">'));
  assert(
    html.includes(
      '<script type="module" src="/_islands/boot.js"></script></body>',
    ),
  );
});

Deno.test("/_islands/ serves entries as no-cache and chunks as immutable JS", async () => {
  const boot = await get("/_islands/boot.js");
  assertEquals(boot.status, 200);
  assertEquals(
    boot.headers.get("content-type"),
    "text/javascript; charset=utf-8",
  );
  assertEquals(boot.headers.get("cache-control"), "no-cache");
  const chunk = (await boot.text()).match(/\.\/([\w.]+-[A-Z0-9]{8}\.js)/)?.[1];
  assert(chunk, "boot imports a chunk");
  const res = await get(`/_islands/${chunk}`);
  assertEquals(
    res.headers.get("cache-control"),
    "public, max-age=31536000, immutable",
  );
  await res.body?.cancel();
  assertEquals((await get("/_islands/missing.js")).status, 404);
});

Deno.test("a page with a bundle of its own loads its islands from its folder, which serves that bundle", async () => {
  const html = await (await get("/solo")).text();
  assert(html.includes('<script type="module" src="/_islands/solo/boot.js"></script></body>'), html);
  const boot = await get("/_islands/solo/boot.js");
  assertEquals([boot.status, boot.headers.get("cache-control")], [200, "no-cache"]);
  const chunk = (await boot.text()).match(/\.\/([\w.]+-[A-Z0-9]{8}\.js)/)?.[1];
  const res = await get(`/_islands/solo/${chunk}`);
  assertEquals([res.status, res.headers.get("cache-control")], [200, "public, max-age=31536000, immutable"]);
  await res.body?.cancel();
  for (const path of ["/_islands/other/boot.js", "/_islands/solo/missing.js"]) {
    const missing = await get(path);
    assertEquals(missing.status, 404, path);
    await missing.body?.cancel();
  }
});

Deno.test("production without the build's bundles loads every page from the bundle of all islands", async () => {
  // A page's own bundle needs Deno's module graph, which production may not read.
  const unbuilt = await createApp<State>({ root: FIXTURE, dev: false, initState: () => ({ trail: [] }) });
  const html = await (await unbuilt.fetch(new Request("http://localhost/solo"))).text();
  assert(html.includes('<script type="module" src="/_islands/boot.js"></script></body>'), html);
  const missing = await unbuilt.fetch(new Request("http://localhost/_islands/solo/boot.js"));
  assertEquals(missing.status, 404);
  await missing.body?.cancel();
});

Deno.test("errors, as pages and as JSON, are never kept by a cache", async () => {
  for (const path of ["/nope", "/api/nope", "/api/fail"]) {
    const res = await get(path);
    assert(res.status >= 400, path);
    assertEquals(res.headers.get("cache-control"), "private, no-store", path);
    await res.body?.cancel();
  }
});

Deno.test("a form page route parses the form and renders with page() status", async () => {
  const body = new URLSearchParams({ email: "ada@example.com" });
  const res = await get("/form", { method: "POST", body });
  assertEquals(res.status, 201);
  assert((await res.text()).includes("signed up ada@example.com"));
  const bad = await get("/form", {
    method: "POST",
    body: new URLSearchParams({ email: "x" }),
  });
  assertEquals(bad.status, 400);
  assert((await bad.text()).includes("invalid_input"));
});
