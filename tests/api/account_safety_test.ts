// A seller whose password may have leaked changes it, or signs out every other browser:
// every session of the account but their own ends at once. A wrong current password
// counts as one at sign-in; deleting the account leaves no session behind.
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { Client, expectError, focusedTag, kvSnapshot, signUp, type TestApp, withApp } from "./client.ts";

const EMAIL = "seller@example.com";
const PASSWORD = "a long enough password";
const NEW_PASSWORD = "another long password";

const changePassword = (client: Client, currentPassword = PASSWORD, newPassword = NEW_PASSWORD) =>
  client.post("/api/auth/password", { currentPassword, newPassword });

/** A new browser signed in to the seller's account (with `password`); its sign-in's status. */
async function browser(app: TestApp, password = PASSWORD): Promise<[Client, number]> {
  const client = new Client(app);
  const res = await client.post("/api/auth/signin", { email: EMAIL, password });
  await res.body?.cancel();
  return [client, res.status];
}

/** What a seller's own request gets in `client`'s browser: 200 signed in, 401 not. */
async function signedIn(client: Client): Promise<number> {
  const res = await client.request("/api/streams");
  await res.body?.cancel();
  return res.status;
}

/** Every session record (by its token's hash) and entry listing one under its seller, in KV. */
async function sessionKeys(app: TestApp): Promise<Deno.KvKey[]> {
  const found: Deno.KvKey[] = [];
  for (const prefix of [["sessions"], ["sessions_of"]]) {
    for await (const { key } of app.services.kv.list({ prefix })) found.push(key);
  }
  return found;
}

Deno.test("changing the password: the old one stops working, the new one works, other browsers are signed out, this one stays", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const [other] = await browser(app);
    assertEquals(await signedIn(other), 200);

    assertEquals((await changePassword(seller)).status, 204);
    assertEquals(await signedIn(other), 401, "another browser's session ended");
    await expectError(await other.request("/api/streams"), 401, "sign_in_required");
    // Its studio pages send it to sign in, saying why.
    const sent = await other.request("/studio/products");
    assertEquals(sent.status, 303);
    const to = sent.headers.get("location")!;
    assertEquals(to, "/signin?returnTo=%2Fstudio%2Fproducts&ended");
    assertMatch(await (await other.request(to)).text(), /You were signed out: the password was changed/);
    assertEquals(await signedIn(seller), 200, "this one stays");
    assertEquals((await browser(app))[1], 401, "the old password fails");
    const [fresh, status] = await browser(app, NEW_PASSWORD);
    assertEquals(status, 200, "the new one works");
    assertEquals(await signedIn(fresh), 200);
  }));

Deno.test("a wrong current password is refused beside its field and counted as at sign-in; a short or unchanged new one is refused", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const before = await kvSnapshot(app.services.kv);
    await expectError(await changePassword(new Client(app)), 401, "sign_in_required");
    assertMatch(
      await expectError(await changePassword(seller, PASSWORD, "too short"), 400, "invalid_input"),
      /New password must be at least 10 characters/,
    );
    assertMatch(
      await expectError(await changePassword(seller, PASSWORD, PASSWORD), 400, "invalid_input"),
      /New password must differ from the current one/,
    );
    await expectError(
      await seller.post("/api/auth/password", { currentPassword: PASSWORD }),
      400,
      "invalid_input",
    );
    await expectError(await changePassword(seller, "not my password"), 403, "wrong_password");
    assertEquals(await kvSnapshot(app.services.kv), before, "nothing changed");
    // Counted with the wrong passwords at sign-in: after five, even the right one waits.
    for (let i = 0; i < 4; i++) {
      await expectError(await changePassword(seller, "not my password"), 403, "wrong_password");
    }
    await expectError(await changePassword(seller), 429, "too_many_attempts");
    assertEquals((await browser(app, PASSWORD))[1], 200, "others' sign-ins are counted apart");
  }));

Deno.test("signing out everywhere else ends every other session of the account and keeps this one", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const [phone] = await browser(app);
    const [laptop] = await browser(app);
    const someoneElse = new Client(app);
    await signUp(someoneElse, "other@example.com", "Other shop");

    const res = await phone.post("/api/auth/signout-elsewhere");
    assertEquals(res.status, 204);
    assertEquals([await signedIn(seller), await signedIn(laptop), await signedIn(phone)], [401, 401, 200]);
    assertEquals(await signedIn(someoneElse), 200, "another account's sessions are left alone");
    await expectError(await new Client(app).post("/api/auth/signout-elsewhere"), 401, "sign_in_required");
    await expectError(await phone.post("/api/auth/signout-elsewhere", { all: true }), 400, "invalid_input");
  }));

Deno.test("changing the password and signing out elsewhere are limited per seller", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    for (let i = 0; i < 10; i++) assertEquals((await seller.post("/api/auth/signout-elsewhere")).status, 204);
    const refused = await seller.post("/api/auth/signout-elsewhere");
    assert(Number(refused.headers.get("retry-after")) > 0);
    await expectError(refused, 429, "rate_limited");
    await expectError(await changePassword(seller), 429, "rate_limited");
  }));

Deno.test("deleting the account leaves none of its sessions in KV", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const [other] = await browser(app);
    await browser(app);
    assert((await sessionKeys(app)).length >= 3, "three sessions");
    assertEquals((await other.send("DELETE", "/api/auth/account", { password: PASSWORD })).status, 204);
    assertEquals(await sessionKeys(app), []);
  }));

Deno.test("the account page changes the password and signs out elsewhere with plain forms, and says so", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const [other] = await browser(app);
    const page = await (await seller.request("/studio/account")).text();
    assertMatch(page, /<form method="post" action="\/studio\/account\/password"/);
    assertMatch(
      page,
      /<label>Current password<input name="currentPassword" type="password" required autocomplete="current-password"/,
    );
    assertMatch(
      page,
      /<label>New password <small>\(at least 10 characters\)<\/small><input name="newPassword" type="password" required minLength="10" autocomplete="new-password"/i,
    );
    assertMatch(page, /<button type="submit">Sign out everywhere else<\/button>/);

    // Refused: back to the page, the reason beside the field, focused; said once.
    const wrong = await seller.postForm("/studio/account/password", {
      currentPassword: "not my password",
      newPassword: NEW_PASSWORD,
    });
    assertEquals([wrong.status, wrong.headers.get("location")], [303, "/studio/account"]);
    const shown = await (await seller.request("/studio/account")).text();
    assertMatch(
      focusedTag(shown),
      /<input name="currentPassword"[^>]*aria-invalid="true" aria-describedby="currentPassword-error"/,
    );
    assertMatch(
      shown,
      /<p id="currentPassword-error" class="field-error">That is not this account(&#39;|')s password<\/p>/,
    );
    assertMatch(shown, /<details class="confirm-delete">/, "the delete stays folded");
    assert(!shown.includes("not my password") && !shown.includes(NEW_PASSWORD), "no password shown back");
    assert(!(await (await seller.request("/studio/account")).text()).includes("field-error"), "said once");
    await seller.postForm("/studio/account/password", { currentPassword: PASSWORD, newPassword: "short" });
    const short = await (await seller.request("/studio/account")).text();
    assertMatch(focusedTag(short), /<input name="newPassword"/);
    assertMatch(
      short,
      /<p id="newPassword-error" class="field-error">New password must be at least 10 characters<\/p>/,
    );

    const done = await seller.postForm("/studio/account/password", {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    assertEquals([done.status, done.headers.get("location")], [303, "/studio/account?done=password"]);
    assertMatch(
      await (await seller.request("/studio/account?done=password")).text(),
      /role="status">Password changed. You were signed out everywhere else.</,
    );
    const away = await other.request("/studio/account", { redirect: "manual" });
    assertEquals(
      away.headers.get("location"),
      "/signin?returnTo=%2Fstudio%2Faccount&ended",
      "the other browser is out",
    );

    const [again] = await browser(app, NEW_PASSWORD);
    const ended = await seller.postForm("/studio/account/sessions", {});
    assertEquals([ended.status, ended.headers.get("location")], [303, "/studio/account?done=sessions"]);
    assertMatch(
      await (await seller.request("/studio/account?done=sessions")).text(),
      /role="status">Signed out everywhere else.</,
    );
    assertEquals(await signedIn(again), 401);
    assertEquals(await signedIn(seller), 200);
  }));
