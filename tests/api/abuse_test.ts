// Attacks from outside that must cost the attacker, not the app: cross-site posts, huge
// bodies and ids, forged client addresses, guessed passwords, hoarded quotas.
import { RULES } from "@/lib/limits/rules.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { filesUnder, PNG_BYTES } from "@/tests/fixtures/images.ts";
import {
  Client,
  createStream,
  expectError,
  kvSnapshot,
  sellerWithStream,
  signUp,
  type TestApp,
  testApp,
  viewer,
  withApp,
} from "./client.ts";

Deno.test("a cross-site form post or fetch is refused with 403 and changes nothing", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const before = await kvSnapshot(app.services.kv);
    const form = await seller.request("/studio", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "title=Pwned",
    });
    assertEquals(form.status, 403);
    assertMatch(await form.text(), /must come from Showfloor/, "a page says why, in plain words");
    const fetched = await seller.request(`/api/streams/${streamId}/end`, {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
      body: "{}",
    });
    await expectError(fetched, 403, "cross_site");
    const sameSite = await seller.request(`/api/streams/${streamId}/end`, {
      method: "POST",
      headers: { "sec-fetch-site": "same-site", "content-type": "application/json" },
      body: "{}",
    });
    await expectError(sameSite, 403, "cross_site");
    assertEquals(await kvSnapshot(app.services.kv), before);
    const own = await seller.request(`/api/streams/${streamId}/live`, {
      method: "POST",
      headers: {
        origin: "http://localhost:8000",
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
      body: "{}",
    });
    assertEquals(own.status, 200, "the app's own pages still work");
  }));

Deno.test("a 5,000-character id is a 404 on every route, never a 500", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const long = "a".repeat(5_000);
    for (
      const path of [
        `/watch/${long}`,
        `/studio/${long}`,
        `/studio/products/${long}`,
        `/images/${long}.png`,
        `/api/streams/${long}`,
        `/api/streams/${long}/chat`,
        `/api/products/${long}`,
        `/api/streams/${long}/products/${long}/opened`,
      ]
    ) {
      const res = await seller.request(path, { method: path.endsWith("opened") ? "POST" : "GET" });
      assertEquals(res.status, 404, path.slice(0, 40));
      await res.body?.cancel();
    }
  }));

Deno.test("a 200 MB body streamed to a form page is refused while it arrives, or unread, never read whole", async () => {
  await using app = await disposableApp();
  // The studio's form sends a stranger to sign in without reading what they sent.
  const refusals: [string, number][] = [
    ["/signup", 413],
    ["/signin", 413],
    ["/guest", 413],
    ["/studio", 303],
    ["/api/auth/signin", 413],
    ["/api/products", 401],
  ];
  for (const [path, status] of refusals) {
    let sent = 0;
    const chunk = new Uint8Array(1 << 20).fill(0x61);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 200) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const res = await new Client(app).request(path, {
      method: "POST",
      headers: {
        "content-type": path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded",
      },
      body,
      // @ts-ignore: Deno's fetch needs this to send a stream without a length.
      duplex: "half",
    });
    assertEquals(res.status, status, path);
    await res.body?.cancel();
    assert(sent < 10, `${path}: only ${sent} MB were read before the refusal`);
  }
});

Deno.test("a small form of ten thousand empty fields is refused with 400 and changes nothing", () =>
  withApp(async (app) => {
    const { seller } = await sellerWithStream(app);
    const fields = "a=&".repeat(10_000);
    const before = await kvSnapshot(app.services.kv);
    for (const path of ["/signin", "/guest", "/signup"]) {
      const res = await new Client(app).request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `${fields}email=a%40b.co&password=whatever1234&name=Ann`,
      });
      assertEquals(res.status, 400, path);
      assertMatch(await res.text(), /A form may have at most 256 fields/, `${path} says why`);
    }
    const multipart = new FormData();
    for (let i = 0; i < 10_000; i++) multipart.append("a", "");
    multipart.append("name", "Linen shirt");
    await expectError(
      await seller.request("/api/products", { method: "POST", body: multipart }),
      400,
      "too_many_fields",
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
  }));

/** A few more than an address's share of guests made by opening a watch page. */
const BROWSERS = RULES.pageGuest.address.max + 5;

/** How many of BROWSERS cookie-less browsers, all from `peer` and each claiming another address, become guests. */
async function guestsMade(app: TestApp, peer: string): Promise<number> {
  const { streamId } = await sellerWithStream(app);
  let made = 0;
  for (let i = 0; i < BROWSERS; i++) {
    const browser = new Client(app, undefined, peer);
    const res = await browser.request(`/watch/${streamId}`, {
      headers: { "x-forwarded-for": `203.0.113.${i}` },
    });
    await res.body?.cancel();
    if (browser.cookie("sf_guest")) made++;
  }
  return made;
}

Deno.test("X-Forwarded-For counts only from a trusted proxy: a forged one does not get new guests", () =>
  withApp(async (app) => {
    assertEquals(
      await guestsMade(app, "198.51.100.50"),
      RULES.pageGuest.address.max,
      "every request counts against the real peer",
    );
  }));

Deno.test("behind a trusted proxy, each client address has its own share", async () => {
  await using app = await disposableApp({ TRUSTED_PROXIES: "127.0.0.1" });
  assertEquals(await guestsMade(app, "127.0.0.1"), BROWSERS);
});

Deno.test("one address's page views never use up picking a name; both stay bounded, and a HEAD makes nothing", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const venue = "198.51.100.60";
    const page = `/watch/${streamId}`;
    for (let i = 0; i < BROWSERS; i++) {
      const res = await new Client(app, undefined, venue).request(page, { method: "HEAD" });
      assertEquals([res.status, res.headers.getSetCookie()], [200, []], "no browser opens a page by HEAD");
    }
    const viewers = Array.from({ length: BROWSERS }, () => new Client(app, undefined, venue));
    for (const browser of viewers) await browser.watch(streamId);
    const silent = viewers.filter((b) => b.cookie("sf_guest"));
    assertEquals(silent.length, RULES.pageGuest.address.max, "HEADs spent none; GETs make at most this many");
    const named: number[] = [];
    for (let i = 0; i < RULES.guest.address.max + 5; i++) {
      const res = await new Client(app, undefined, venue).postForm("/guest", {
        name: `Ann ${i}`,
        returnTo: page,
      });
      named.push(res.status);
      if (res.status === 429) assertMatch(await res.text(), /Too many new guests from your network/);
      else await res.body?.cancel();
    }
    assertEquals(
      named.filter((s) => s === 303).length,
      RULES.guest.address.max,
      "every name typed, up to the limit",
    );
    assertEquals(named.slice(RULES.guest.address.max), [429, 429, 429, 429, 429], "then no more new guests");
    const renamed = await silent[0]!.postForm("/guest", { name: "Bea", returnTo: page });
    assertEquals(renamed.status, 303, "a guest the page made names itself at the cost of a rename");
  }));

Deno.test("forty bad sign-ins: the address is held back, and after five misses the account waits longer each time, except on its owner's browser", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    await signUp(owner, "bo@example.com", "Bo");
    const laptop = new Client(app);
    assertEquals(
      (await laptop.post("/api/auth/signin", { email: "bo@example.com", password: "a long enough password" }))
        .status,
      200,
    );
    const attempt = (c: Client, password: string) =>
      c.post("/api/auth/signin", { email: "bo@example.com", password });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await attempt(new Client(app), `wrong ${i}`);
      statuses.push(res.status);
      await res.body?.cancel();
    }
    assertEquals(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assertEquals(statuses.slice(5).every((s) => s === 429), true, "then the account waits, from any address");
    const locked = await attempt(new Client(app), "a long enough password");
    assertMatch(await expectError(locked, 429, "too_many_attempts"), /Too many wrong passwords/);
    assertEquals(Number(locked.headers.get("retry-after")), 30);
    // The owner's own browsers (the one they signed up on, one they signed in on) are not
    // held back by strangers' guesses, nor by each other's.
    const own = await attempt(owner, "a long enough password");
    assertEquals(own.status, 200, "the owner signs in on a browser they used before");
    await own.body?.cancel();
    const stillLocked = await attempt(new Client(app), "a long enough password");
    assertEquals(stillLocked.status, 429, "the owner's success there does not unlock strangers");
    await stillLocked.body?.cancel();
    const ownMisses: number[] = [];
    for (let i = 0; i < 6; i++) ownMisses.push((await attempt(owner, `typo ${i}`)).status);
    assertEquals(ownMisses, [401, 401, 401, 401, 401, 429], "its own misses count apart");
    assertEquals((await attempt(laptop, "a long enough password")).status, 200, "another of their browsers");
    assertEquals((await attempt(owner, "a long enough password")).status, 429, "which unlocks only itself");
    // A device another seller signed in on is anyone's here.
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival");
    assertEquals((await attempt(rival, "a long enough password")).status, 429);
    app.clock.advance(30_000);
    assertEquals(
      (await attempt(new Client(app), "a long enough password")).status,
      200,
      "the right one works after the wait",
    );
    const from = new Client(app, undefined, "192.0.2.77");
    const fromOne: number[] = [];
    for (let i = 0; i < 31; i++) {
      fromOne.push(
        (await from.post("/api/auth/signin", { email: `x${i}@example.com`, password: "x" })).status,
      );
    }
    assertEquals(fromOne.filter((s) => s === 429).length, 1, "30 tries per address in 10 minutes");
  }));

Deno.test("wrong passwords sent all at once are counted one by one: five are checked, the rest wait", () =>
  withApp(async (app) => {
    await signUp(new Client(app), "bo@example.com", "Bo");
    const attempts = await Promise.all(
      Array.from(
        { length: 20 },
        (_, i) =>
          new Client(app).post("/api/auth/signin", { email: "bo@example.com", password: `wrong ${i}` }),
      ),
    );
    const statuses = attempts.map((r) => (void r.body?.cancel(), r.status));
    assertEquals(statuses.filter((s) => s === 401).length, 5, `checked: ${statuses}`);
    assertEquals(statuses.filter((s) => s === 429).length, 15);
  }));

Deno.test("a seller's quotas: products, image bytes and streams a day, each refused in plain words", async () => {
  await using app = await disposableApp({ MAX_PRODUCTS_PER_SELLER: "2", MAX_STREAMS_PER_DAY: "2" });
  const seller = new Client(app);
  await signUp(seller);
  const product = { name: "Cap", priceMinor: 1000, currency: "EUR", stock: 1 };
  for (let i = 0; i < 2; i++) assertEquals((await seller.post("/api/products", product)).status, 201);
  const before = await kvSnapshot(app.services.kv);
  assertMatch(
    await expectError(await seller.post("/api/products", product), 409, "quota_exceeded"),
    /at most 2 products/,
  );
  assertEquals(await kvSnapshot(app.services.kv), before);
  await createStream(seller, "One");
  await createStream(seller, "Two");
  assertMatch(
    await expectError(await seller.post("/api/streams", { title: "Three" }), 409, "quota_exceeded"),
    /at most 2 streams a day/,
  );
  app.clock.advance(24 * 60 * 60 * 1000);
  await createStream(seller, "Tomorrow");
});

Deno.test("while the disk is nearly full, replay parts and images are refused with 503 and nothing is written", async () => {
  // More free space asked for than any disk has: every upload finds the disk "nearly full".
  await using app = await disposableApp({ MIN_FREE_DISK_MB: String(1e12) });
  const { seller, streamId } = await sellerWithStream(app);
  await seller.post(`/api/streams/${streamId}/live`);
  const take =
    (await (await seller.post(`/api/streams/${streamId}/replay`, { type: "video/webm" })).json()).take;
  const form = new FormData();
  for (const [k, v] of Object.entries({ name: "Cap", priceMinor: "1000", currency: "EUR", stock: "1" })) {
    form.set(k, v);
  }
  form.set("image", new File([PNG_BYTES as BlobPart], "cap.png"));
  const before = await kvSnapshot(app.services.kv);
  const part = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]);
  const refused = await seller.request(`/api/streams/${streamId}/replay/${take.id}/0`, {
    method: "PUT",
    body: part,
  });
  assertEquals(refused.headers.get("retry-after"), "60");
  assertMatch(await expectError(refused, 503, "disk_full"), /short of disk space/);
  await expectError(await seller.request("/api/products", { method: "POST", body: form }), 503, "disk_full");
  assertEquals(await kvSnapshot(app.services.kv), before);
  assertEquals(await filesUnder(app.services.config.dataDir), []);
  const plain = { name: "Cap", priceMinor: 1000, currency: "EUR", stock: 1 };
  assertEquals((await seller.post("/api/products", plain)).status, 201, "what takes no disk still works");
});

Deno.test("pages and JSON are never cached by a shared cache; the CSP lets pages reach only the app and LiveKit", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    for (const path of [`/watch/${streamId}`, `/api/streams/${streamId}/cart`, "/"]) {
      const res = await guest.request(path);
      assertEquals(res.headers.get("cache-control"), "private, no-store", path);
      const csp = res.headers.get("content-security-policy") ?? "";
      assertMatch(csp, /connect-src 'self' ws:\/\/127\.0\.0\.1:7880 http:\/\/127\.0\.0\.1:7880;/);
      await res.body?.cancel();
    }
  }));

/** A test app with extra settings, closed (and its folder removed) when disposed. */
async function disposableApp(env: Record<string, string> = {}) {
  const app = await testApp(env);
  return Object.assign(app, {
    async [Symbol.asyncDispose]() {
      await app.close();
      await Deno.remove(app.services.config.dataDir, { recursive: true });
    },
  });
}
