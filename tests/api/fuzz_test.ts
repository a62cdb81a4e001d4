// A property-based walk over every route under routes/ (found the way the app finds them,
// so a new route is covered without touching this test): hostile methods, content types,
// bodies, ids and numbers, as a stranger, a guest, a seller or with forged cookies. The app
// must never answer 5xx, and a refused request (4xx) must leave KV as it was.
import fc from "fast-check";
import { scanRoutes } from "@/lib/fresh/mod.ts";
import { assert } from "@/tests/assert.ts";
import { Client, createStream, kvSnapshot, signUp, viewer, withApp } from "./client.ts";

const ROUTES = new URL("../../routes/", import.meta.url);

const hostileId = fc.oneof(
  fc.constantFrom(
    "../",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "a%00b",
    "x".repeat(10_000),
    "",
    " ",
    "😀",
    "null",
    "0",
  ),
  fc.string({ maxLength: 80 }),
  fc.stringMatching(/^[0-9a-z]{1,40}$/),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0),
  fc.integer(),
  fc.double(),
);

const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ maxLength: 200, unit: "binary-ascii" }),
    fc.constantFrom("x".repeat(100_000), "<script>alert(1)</script>", "\u202Eevil", "\u0000"),
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        "text",
        "emoji",
        "productId",
        "quantity",
        "title",
        "name",
        "email",
        "password",
        "productIds",
        "salePriceMinor",
        "durationSeconds",
        "totalMinor",
        "as",
        "__proto__",
        "constructor",
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

const body = fc.oneof(
  fc.record({
    type: fc.constant("application/json"),
    text: hostileValue.map((v) => JSON.stringify(v) ?? "null"),
  }),
  fc.record({ type: fc.constant("application/json"), text: fc.constantFrom("{", "[]", "", '{"a":', "null") }),
  fc.record({
    type: fc.constant("application/x-www-form-urlencoded"),
    text: fc.dictionary(
      fc.constantFrom(
        "name",
        "title",
        "price",
        "stock",
        "currency",
        "email",
        "password",
        "returnTo",
        "stockShown",
        "stockVersion",
        "x",
      ),
      // Any ASCII, control characters too: a form's return path once reached a header with one.
      fc.string({ maxLength: 50, unit: "binary-ascii" }),
      { maxKeys: 5 },
    )
      .map((d) => new URLSearchParams(d).toString()),
  }),
  fc.record({
    type: fc.constantFrom("text/plain", "multipart/form-data", "image/png", "", "application/xml"),
    text: fc.string({ maxLength: 100 }),
  }),
  fc.constant(null),
);

const request = fc.record({
  route: fc.nat(),
  params: fc.array(hostileId, { minLength: 3, maxLength: 3 }),
  method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
  body,
  who: fc.constantFrom("stranger", "guest", "seller", "other seller", "forged"),
  foreignOrigin: fc.boolean(),
  query: fc.oneof(
    fc.constant(""),
    fc.string({ maxLength: 30 }).map((q) => `?${encodeURIComponent(q)}=${encodeURIComponent(q)}`),
    fc.constant("?before=a&after=b"),
  ),
});

Deno.test("every route, hostile requests: never a 5xx, and a refused one changes nothing", () =>
  withApp(async (app) => {
    const patterns = (await scanRoutes(ROUTES)).routes.map((r) => r.pattern);
    assert(patterns.length > 20, "the walk found the routes");
    const seller = new Client(app);
    await signUp(seller);
    const streamId = await createStream(seller);
    const other = new Client(app);
    await signUp(other, "other@example.com", "Other");
    const guest = await viewer(app, streamId);
    const forged = new Client(app);
    forged.setCookie("sf_guest", "%7B%22id%22%3A%22victimvictim1%22%2C%22name%22%3A%22V%22%7D.forged");
    forged.setCookie("sf_session", "x".repeat(300));
    const clients = { stranger: new Client(app), guest, seller, "other seller": other, forged };
    // Real ids now and then, so requests also reach the actions behind the id checks.
    const realIds = [streamId];
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const pattern = patterns[r.route % patterns.length]!;
        let i = 0;
        const path = pattern.replace(/:(\w+)(\{[^}]*\})?/g, () => {
          const id = r.params[i++ % r.params.length]!;
          return encodeURIComponent(id === "0" ? realIds[0]! : id);
        });
        const headers: Record<string, string> = {};
        if (r.body?.type) headers["content-type"] = r.body.type;
        if (r.foreignOrigin) headers.origin = "https://evil.example";
        const withBody = r.body && !["GET", "HEAD"].includes(r.method);
        const before = await kvSnapshot(app.services.kv);
        const res = await clients[r.who].request(path + r.query, {
          method: r.method,
          headers,
          body: withBody ? r.body!.text : undefined,
          redirect: "manual",
        });
        await res.body?.cancel();
        sent++;
        if (res.status >= 500) throw new Error(`${r.method} ${path.slice(0, 80)} → ${res.status}`);
        if (res.status >= 400 && res.status < 500) {
          const after = await kvSnapshot(app.services.kv);
          if (after !== before) {
            throw new Error(`${r.method} ${path.slice(0, 80)} → ${res.status} changed KV`);
          }
        }
      }),
      { numRuns: 1500 },
    );
    console.log(
      `fuzz: ${sent} hostile requests over ${patterns.length} routes, no 5xx, no change on any 4xx`,
    );
  }));
