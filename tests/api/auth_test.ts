import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { createSeller } from "@/lib/auth/seller_store.ts";
import { checkedCookies } from "@/lib/server/cookies.ts";
import {
  Client,
  expectError,
  focusedTag,
  kvSnapshot,
  say,
  sellerWithStream,
  signUp,
  viewer,
  withApp,
} from "./client.ts";

const good = { email: "seller@example.com", name: "Linen & Co", password: "a long enough password" };

Deno.test("sign-up starts an HttpOnly, SameSite=Lax session that opens the studio", () =>
  withApp(async (app) => {
    const client = new Client(app);
    const res = await client.post("/api/auth/signup", good);
    assertEquals(res.status, 201);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("sf_session="));
    assert(cookie, "a session cookie is set");
    assertMatch(cookie, /HttpOnly/);
    assertMatch(cookie, /SameSite=Lax/);
    assert(!/Secure/.test(cookie), "no Secure flag on localhost, or the browser would drop it over http");
    const body = await res.json();
    assertEquals(body.seller.email, good.email);
    assert(!("passwordHash" in body.seller), "the hash never leaves the server");
    assertEquals((await client.request("/studio", { redirect: "manual" })).status, 200);
  }));

Deno.test("the session cookie is Secure outside localhost", () =>
  withApp(async (app) => {
    const res = await new Client(app, "https://shop.example").post("/api/auth/signup", good);
    assertMatch(res.headers.getSetCookie().find((c) => c.startsWith("sf_session="))!, /Secure/);
  }));

Deno.test("signed in, every page's header says so: a mistyped address's 404, a bad id's, a form too large", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const pages: [string, RequestInit, number][] = [
      ["/nope", {}, 404],
      [`/watch/${"x".repeat(70)}`, {}, 404],
      ["/studio", { method: "POST", body: new URLSearchParams({ title: "x".repeat(70_000) }) }, 413],
    ];
    for (const [path, init, status] of pages) {
      const res = await seller.request(path, init);
      assertEquals(res.status, status, path.slice(0, 20));
      const html = await res.text();
      assertMatch(html, /<a href="\/studio\/products">Products<\/a>.*>Sign out<\/button>/, path.slice(0, 20));
      assert(!html.includes(">Sign in<"), path.slice(0, 20));
    }
  }));

Deno.test("sign-up refuses bad input with a clear 4xx and stores nothing", (t) =>
  withApp(async (app) => {
    const client = new Client(app);
    await signUp(client, "taken@example.com");
    const before = await kvSnapshot(app.services.kv);
    const cases: [string, () => Promise<Response>, number, string, RegExp][] = [
      [
        "a bad email",
        () => client.post("/api/auth/signup", { ...good, email: "not-an-email" }),
        400,
        "invalid_input",
        /email/i,
      ],
      [
        "a short password",
        () => client.post("/api/auth/signup", { ...good, password: "short" }),
        400,
        "invalid_input",
        /at least 10/,
      ],
      [
        "a taken email",
        () => client.post("/api/auth/signup", { ...good, email: "Taken@Example.com" }),
        409,
        "email_taken",
        /already exists/,
      ],
      [
        "an unknown field",
        () => client.post("/api/auth/signup", { ...good, admin: true }),
        400,
        "invalid_input",
        /admin|unrecognized/i,
      ],
      [
        "a malformed body",
        () =>
          client.request("/api/auth/signup", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: '{"email":',
          }),
        400,
        "bad_json",
        /JSON/,
      ],
      [
        "an oversized body",
        () => client.post("/api/auth/signup", { ...good, name: "x".repeat(70_000) }),
        413,
        "payload_too_large",
        /64 KiB/,
      ],
      [
        "a body that is not JSON",
        () => client.request("/api/auth/signup", { method: "POST", body: "email=a" }),
        415,
        "unsupported_media_type",
        /json/i,
      ],
    ];
    for (const [what, send, status, code, message] of cases) {
      await t.step(what, async () => {
        assertMatch(await expectError(await send(), status, code), message);
        assertEquals(await kvSnapshot(app.services.kv), before, "nothing stored");
      });
    }
  }));

Deno.test("sign-in refuses a wrong password and an unknown email alike, and keeps the account", () =>
  withApp(async (app) => {
    const client = new Client(app);
    await signUp(client);
    const before = await kvSnapshot(app.services.kv);
    const fresh = new Client(app);
    const wrong = await expectError(
      await fresh.post("/api/auth/signin", { email: good.email, password: "wrong password!" }),
      401,
      "invalid_credentials",
    );
    const unknown = await expectError(
      await fresh.post("/api/auth/signin", { email: "who@example.com", password: "wrong password!" }),
      401,
      "invalid_credentials",
    );
    assertEquals(wrong, unknown, "the answer does not tell which accounts exist");
    assertEquals(fresh.cookie("sf_session"), undefined);
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals(
      (await fresh.post("/api/auth/signin", { email: good.email, password: good.password })).status,
      200,
    );
  }));

Deno.test("a studio page opened signed out comes back after signing in or up, and only to this site", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    await signUp(owner);
    const page = "/studio/products?done=added";
    const signedOut = new Client(app);
    const sent = await signedOut.request(page, { redirect: "manual" });
    const signIn = sent.headers.get("location")!;
    assertEquals([sent.status, signIn], [303, `/signin?returnTo=${encodeURIComponent(page)}`]);
    // The form carries the way back, through a refusal too, and so does its link to sign up.
    const form = await (await signedOut.request(signIn)).text();
    assertMatch(form, /<input type="hidden" name="returnTo" value="\/studio\/products\?done=added"\/>/);
    assertMatch(form, /href="\/signup\?returnTo=%2Fstudio%2Fproducts%3Fdone%3Dadded"/);
    const wrong = await signedOut.postForm("/signin", {
      email: good.email,
      password: "wrong!",
      returnTo: page,
    });
    assertEquals(wrong.status, 401);
    assertMatch(await wrong.text(), /name="returnTo" value="\/studio\/products\?done=added"/);
    const done = await signedOut.postForm("/signin", {
      email: good.email,
      password: good.password,
      returnTo: page,
    });
    assertEquals([done.status, done.headers.get("location")], [303, page]);
    // Signed in already, the link goes straight there.
    const again = await signedOut.request(signIn, { redirect: "manual" });
    assertEquals(again.headers.get("location"), page);
    // Signing up goes back too.
    const newcomer = await new Client(app).postForm("/signup", {
      email: "new@example.com",
      name: "Newcomer",
      password: good.password,
      returnTo: "/studio/account",
    });
    assertEquals([newcomer.status, newcomer.headers.get("location")], [303, "/studio/account"]);
    // Never to another site: such a way back is dropped from the page, refused in a post.
    for (const away of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const html = await (await new Client(app).request(`/signin?returnTo=${encodeURIComponent(away)}`))
        .text();
      assert(!html.includes("evil.example"), away);
      const posted = await new Client(app).postForm("/signin", {
        email: good.email,
        password: good.password,
        returnTo: away,
      });
      assertEquals(posted.status, 400, away);
      assertEquals(posted.headers.get("location"), null, away);
    }
  }));

Deno.test("a guest's name form goes back only to a path on this site, written as a browser writes one", () =>
  withApp(async (app) => {
    const guest = new Client(app);
    const before = await kvSnapshot(app.services.kv);
    // A control character in the Location header stopped Deno's server, every stream with it.
    for (
      const returnTo of [
        "/\x7f",
        "/\x01",
        "/a b",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
      ]
    ) {
      const res = await guest.postForm("/guest", { name: "Ada", returnTo });
      assertEquals([res.status, res.headers.get("location")], [400, null], JSON.stringify(returnTo));
      await res.body?.cancel();
    }
    assertEquals(guest.cookie("sf_guest"), undefined);
    assertEquals(await kvSnapshot(app.services.kv), before);
    const back = await guest.postForm("/guest", { name: "Ada", returnTo: "/watch/abc?product=x%20y#chat" });
    assertEquals([back.status, back.headers.get("location")], [303, "/watch/abc?product=x%20y#chat"]);
  }));

Deno.test("a guest's name that shows as nothing is refused on a page with the form again and the way back", () =>
  withApp(async (app) => {
    const guest = new Client(app);
    const before = await kvSnapshot(app.services.kv);
    // Spaces, a Hangul filler, a blank Braille cell, a soft hyphen, a format character, a
    // stray variation selector, a combining mark alone, a shorthand format control: each
    // shows as nothing.
    for (const name of ["   ", "\u3164", "\u2800 ", "\u00ad", "\u206a", "\ufe0f", "\u0301", "\u{1bca0}"]) {
      const res = await guest.postForm("/guest", { name, returnTo: "/watch/abc#chat" });
      assertEquals(res.status, 400, JSON.stringify(name));
      const html = await res.text();
      assertMatch(html, /<h1>Your name in chat<\/h1>/);
      assertMatch(html, /role="alert">Display name is required</);
      assertMatch(html, /<input name="name"[^>]*aria-invalid="true"/);
      assertMatch(html, /<a href="\/watch\/abc#chat">Go back<\/a>/);
    }
    assertEquals(guest.cookie("sf_guest"), undefined);
    assertEquals(await kvSnapshot(app.services.kv), before);
    // The page alone shows the form, going back only to a path on this site.
    for (const [returnTo, back] of [["/watch/abc", "/watch/abc"], ["//evil.example", "/"], ["../", "/"]]) {
      const html = await (await guest.request(`/guest?returnTo=${encodeURIComponent(returnTo!)}`)).text();
      assertMatch(html, new RegExp(`<input type="hidden" name="returnTo" value="${back}"/>`));
      assert(!html.includes('role="alert"'), "no error before a name is sent");
    }
  }));

Deno.test("a guest changing their name is held back past ten times a minute, with the wait in words", () =>
  withApp(async (app) => {
    const guest = new Client(app);
    const rename = (i: number) => guest.postForm("/guest", { name: `Ada ${i}`, returnTo: "/" });
    assertEquals((await rename(0)).status, 303, "a new guest");
    for (let i = 1; i <= 10; i++) assertEquals((await rename(i)).status, 303, `rename ${i}`);
    const named = guest.cookie("sf_guest");
    const held = await rename(11);
    assertEquals(held.status, 429);
    assert(Number(held.headers.get("retry-after")) > 0);
    assertMatch(await held.text(), /changing your name too often/);
    assertEquals(guest.cookie("sf_guest"), named, "the name stays as it was");
    app.clock.advance(60_000);
    assertEquals((await rename(12)).status, 303, "a minute later");
  }));

/** The name form as the watch page's script sends it: the browser's multipart body, asking for JSON. */
const saveName = (guest: Client, name: string, returnTo = "/") => {
  const body = new FormData();
  body.set("returnTo", returnTo);
  body.set("name", name);
  return guest.request("/guest", { method: "POST", headers: { accept: "application/json" }, body });
};

Deno.test("a name saved by the watch page's script is answered in JSON, and the next chat line carries it", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    const before = await say(guest, streamId, "hi");
    assertMatch(before.name, /^Guest /);
    const res = await saveName(guest, "  Bea  ", `/watch/${streamId}`);
    assertEquals([res.status, res.headers.get("location")], [200, null]);
    assertEquals(await res.json(), { guest: { name: "Bea" } });
    assertEquals((await say(guest, streamId, "it's me")).name, "Bea");
    // A stranger is made a guest under it, as by the form.
    const stranger = new Client(app);
    assertEquals(await (await saveName(stranger, "Cy")).json(), { guest: { name: "Cy" } });
    assertEquals((await say(stranger, streamId, "hello")).name, "Cy");
    // The form without the script is as it was: a redirect back.
    const posted = await guest.postForm("/guest", { name: "Bea Two", returnTo: `/watch/${streamId}` });
    assertEquals([posted.status, posted.headers.get("location")], [303, `/watch/${streamId}`]);
    assertEquals((await say(guest, streamId, "again")).name, "Bea Two");
  }));

Deno.test("a name refused to the watch page's script is a JSON 4xx in words, and changes nothing", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    await saveName(guest, "Bea");
    const named = guest.cookie("sf_guest");
    const before = await kvSnapshot(app.services.kv);
    for (
      const [name, words] of [
        ["Ann (Host)", /^name: Display name must not say you are the host or a moderator$/],
        ["   ", /^name: Display name is required$/],
        ["B".repeat(41), /^name: .*40/],
      ] as const
    ) {
      assertMatch(await expectError(await saveName(guest, name), 400, "invalid_input"), words, name);
    }
    assertEquals(guest.cookie("sf_guest"), named, "the name stays as it was");
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals((await say(guest, streamId, "still me")).name, "Bea");
    // Renames are held back as the form's are, and the wait is said.
    for (let i = 1; i < 10; i++) assertEquals((await saveName(guest, `Bea ${i}`)).status, 200, `rename ${i}`);
    const held = await saveName(guest, "Bea 10");
    assert(Number(held.headers.get("retry-after")) > 0);
    assertMatch(await expectError(held, 429, "rate_limited"), /changing your name too often/);
    assertEquals((await say(guest, streamId, "and still")).name, "Bea 9");
  }));

Deno.test("a guest saving the host's or a moderator's name on its watch page is refused there, in the chat's words", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId } = await sellerWithStream(app);
    await signUp(new Client(app), "mod@example.com", "Mo");
    assertEquals(
      (await seller.post(`/api/shops/${sellerId}/moderators`, { email: "mod@example.com" })).status,
      201,
    );
    const page = `/watch/${streamId}`;
    const guest = await viewer(app, streamId);
    await saveName(guest, "Bea", page);
    const named = guest.cookie("sf_guest");
    const before = await kvSnapshot(app.services.kv);
    // By the watch page's script, looked at as the chat looks (a Cyrillic о in "Mо").
    for (
      const [name, code, words] of [
        ["Linen & Co.", "host_name", "Linen & Co is the host's name here. Pick another name to chat."],
        ["Mо", "moderator_name", "Mo is a moderator's name here. Pick another name to chat."],
      ] as const
    ) {
      assertEquals(await expectError(await saveName(guest, name, page), 409, code), words, name);
    }
    // However the page's address is written.
    for (const path of [`${page}/`, `/watch/../watch/${streamId}?x=1#chat`, `/watch/x/%2e%2e/${streamId}`]) {
      assertMatch(
        await expectError(await saveName(guest, "Linen & Co", path), 409, "host_name"),
        /host's name/,
      );
    }
    // By the form without the script, the newcomer's too: the page says why, beside the name.
    for (const browser of [guest, new Client(app)]) {
      const res = await browser.postForm("/guest", { name: "linen & co", returnTo: page });
      assertEquals(res.status, 409);
      const html = await res.text();
      assertMatch(
        html,
        /class="field-error">Linen &amp; Co is the host's name here\. Pick another name to chat\.</,
      );
      assertMatch(html, /<input name="name"[^>]*value="linen &amp; co"[^>]*aria-invalid="true"/);
    }
    assertEquals(guest.cookie("sf_guest"), named, "the name stays as it was");
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals((await say(guest, streamId, "still me")).name, "Bea");
  }));

Deno.test("forged guest cookies are refused and not remembered, however many arrive", () =>
  withApp(async (app) => {
    const guest = new Client(app);
    await guest.postForm("/guest", { name: "Ada", returnTo: "/" });
    const genuine = guest.cookie("sf_guest")!;
    const forger = new Client(app);
    // Its browser cookie (signed too) is made, then read and kept.
    for (let i = 0; i < 2; i++) await forger.postForm("/guest", { name: "Eve", returnTo: "/" });
    const before = checkedCookies();
    for (let i = 0; i < 50; i++) {
      forger.setCookie("sf_guest", i % 2 ? `${i}${genuine}` : `${"x".repeat(60_000)}${i}`);
      const res = await forger.postForm("/guest", { name: `Eve ${i}`, returnTo: "/" });
      assertEquals(res.status, 303);
      assert(forger.cookie("sf_guest") !== genuine);
    }
    assertEquals(checkedCookies(), before, "none of them kept");
    await guest.postForm("/guest", { name: "Ada Lovelace", returnTo: "/" });
    assertEquals(checkedCookies(), before + 2, "a genuine guest's are (its guest and browser cookies)");
  }));

Deno.test("the sign-up page says how long a refused address must wait, in minutes when it is long", () =>
  withApp(async (app) => {
    // At the start of an hour: the address's sign-ups are counted per hour.
    app.clock.advance(3_600_000 - app.clock.now() % 3_600_000 + 1_000);
    const from = new Client(app);
    const signUpForm = (i: number) =>
      from.postForm("/signup", { email: `s${i}@example.com`, name: `Shop ${i}`, password: good.password });
    for (let i = 0; i < 5; i++) assertEquals((await signUpForm(i)).status, 303);
    const refused = await signUpForm(5);
    assertEquals(refused.status, 429);
    assertMatch(
      await refused.text(),
      /Too many sign-ups from your network\. Try again in \d+ minutes\./,
    );
  }));

Deno.test("sign-out ends the session on the server, not only in the browser", () =>
  withApp(async (app) => {
    const client = new Client(app);
    await signUp(client);
    const token = client.cookie("sf_session")!;
    assertEquals((await client.post("/api/auth/signout")).status, 200);
    const replay = new Client(app);
    replay.setCookie("sf_session", token);
    await expectError(await replay.request("/api/streams"), 401, "sign_in_required");
  }));

Deno.test("the sign-up page shows every bad field's problem under that field, tied to it", () =>
  withApp(async (app) => {
    const res = await new Client(app).postForm("/signup", { name: " ", email: "bo@", password: "short" });
    assertEquals(res.status, 400);
    const html = await res.text();
    assertMatch(html, /role="alert">Please fix the 3 fields marked below.</);
    for (
      const [field, problem] of [
        ["name", "Name is required"],
        ["email", "Enter a valid email address"],
        ["password", "Password must be at least 10 characters"],
      ]
    ) {
      assertMatch(
        html,
        new RegExp(`<input name="${field}"[^>]* aria-invalid="true" aria-describedby="${field}-error"`),
      );
      assertMatch(html, new RegExp(`<p id="${field}-error" class="field-error">${problem}</p>`));
    }
    const good = await new Client(app).postForm("/signup", {
      name: "Bo",
      email: "bo@",
      password: "long enough now",
    });
    const only = await good.text();
    assertEquals([...only.matchAll(/aria-invalid/g)].length, 1, "only the bad field is marked");
  }));

Deno.test("a refused sign-up, sign-in or guest name comes back focused on what to fix, with no script", () =>
  withApp(async (app) => {
    const page = async (res: Promise<Response>) => await (await res).text();
    const signUpPage = await page(
      new Client(app).postForm("/signup", { name: "Bo", email: "bo@", password: "x" }),
    );
    assertMatch(focusedTag(signUpPage), /<input name="email"/, "the first of the bad fields");
    const nameless = await page(new Client(app).postForm("/signup", { ...good, name: " " }));
    assertMatch(focusedTag(nameless), /<input name="name"/);
    // An error about no field in particular: the error itself, read out first.
    await signUp(new Client(app));
    const wrong = await page(
      new Client(app).postForm("/signin", { email: good.email, password: "not it at all" }),
    );
    assertMatch(focusedTag(wrong), /<p class="notice error" role="alert" tabindex="-1" autofocus>/);
    assertMatch(wrong, /autofocus>Email or password is wrong</);
    const guest = await page(new Client(app).postForm("/guest", { name: "   ", returnTo: "/" }));
    assertMatch(focusedTag(guest), /<input name="name"/);
    // Nothing is focused on a page nobody has sent yet.
    for (const path of ["/signup", "/signin", "/guest"]) {
      assert(!(await page(new Client(app).request(path))).includes("autofocus"), path);
    }
  }));

Deno.test("the sign-up page shows a bad-input error in plain words and keeps what was typed", () =>
  withApp(async (app) => {
    const res = await new Client(app).postForm("/signup", {
      name: "Bo",
      email: "bo@example.com",
      password: "short",
    });
    assertEquals(res.status, 400);
    const html = await res.text();
    assertMatch(html, /Password must be at least 10 characters/);
    assertMatch(html, /value="bo@example.com"/);
    assert(!html.includes('value="short"'), "the password is never echoed");
  }));

Deno.test("an instance closed to new sellers refuses sign-up, offers none, and still signs its sellers in", () =>
  withApp(async (app) => {
    await createSeller(app.services.kv, {
      ...good,
      passwordHash: await app.services.passwords.hash(good.password),
    }, app.clock.now());
    const stranger = new Client(app);
    const before = await kvSnapshot(app.services.kv);
    const said = await expectError(
      await stranger.post("/api/auth/signup", { ...good, email: "new@example.com" }),
      403,
      "signup_closed",
    );
    assertEquals(said, "This Showfloor isn't taking new sellers. Ask its owner for an account.");
    const form = await stranger.postForm("/signup", { ...good, email: "new@example.com" });
    assertEquals(form.status, 403);
    assert((await form.text()).includes("taking new sellers. Ask its owner"));
    assertEquals(await kvSnapshot(app.services.kv), before, "no account made");

    const page = await (await stranger.request("/signup")).text();
    assert(page.includes("Ask its owner for an account"), "the sign-up page says why");
    assert(!page.includes("Create account"), "and has no form");
    const home = await (await stranger.request("/")).text();
    assert(!home.includes("Sell on Showfloor"), "the header offers no sign-up");
    assert(!(await (await stranger.request("/signin")).text()).includes("Create an account"));

    const seller = new Client(app);
    const res = await seller.post("/api/auth/signin", { email: good.email, password: good.password });
    assertEquals(res.status, 200, "its sellers sign in");
  }, { SELLER_SIGNUP: "closed" }));

Deno.test("an open instance offers sign-up in the header", () =>
  withApp(async (app) => {
    assert((await (await new Client(app).request("/")).text()).includes("Sell on Showfloor"));
  }));
