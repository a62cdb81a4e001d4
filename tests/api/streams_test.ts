import { localDayAndTime } from "@/lib/contract/dates.ts";
import { TokenVerifier } from "livekit-server-sdk";
import { connectionOf, roomName, sellerIdentity } from "@/lib/livekit/names.ts";
import { RULES } from "@/lib/limits/rules.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import {
  Client,
  createStream,
  expectError,
  focusedTag,
  kvSnapshot,
  LIVEKIT_KEYS,
  sellerWithStream,
  signUp,
  viewer,
  withApp,
} from "./client.ts";

const verifier = new TokenVerifier(LIVEKIT_KEYS.apiKey, LIVEKIT_KEYS.apiSecret);

async function tokenClaims(client: Client, streamId: string, body: unknown = {}) {
  const res = await client.post(`/api/streams/${streamId}/token`, body);
  assertEquals(res.status, 200);
  const { serverUrl, token } = await res.json();
  assertEquals(serverUrl, "ws://127.0.0.1:7880");
  return await verifier.verify(token);
}

Deno.test("creating a stream gives the seller a studio page and a shareable watch URL", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const res = await seller.post("/api/streams", { title: "Spring drop", description: "Linen" });
    assertEquals(res.status, 201);
    const body = await res.json();
    assertEquals(body.watchUrl, `http://localhost:8000/watch/${body.stream.id}`);
    assertEquals(body.studioUrl, `http://localhost:8000/studio/${body.stream.id}`);
    assertEquals((await seller.request(`/studio/${body.stream.id}`)).status, 200);
    assertEquals((await new Client(app).request(`/watch/${body.stream.id}`)).status, 200);
  }));

Deno.test("stream creation refuses guests and bad titles, storing nothing", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const before = await kvSnapshot(app.services.kv);
    await expectError(
      await new Client(app).post("/api/streams", { title: "Mine now" }),
      401,
      "sign_in_required",
    );
    await expectError(await seller.post("/api/streams", { title: "   " }), 400, "invalid_input");
    await expectError(await seller.post("/api/streams", { title: "x".repeat(121) }), 400, "invalid_input");
    await expectError(await seller.post("/api/streams", { title: "bell\u0007" }), 400, "invalid_input");
    assertEquals(await kvSnapshot(app.services.kv), before);
  }));

Deno.test("the studio's new-stream form, refused an empty title, says why beside it and is focused on it", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const form = /<form method="post" class="card form" novalidate><h2>New stream<\/h2>/;
    const blank = await (await seller.request("/studio")).text();
    // The browser's bubble would stop an empty title before it is sent: the app's words say it instead.
    assertMatch(blank, form);
    assert(!blank.includes("autofocus"), "nothing focused before a post");
    for (const title of ["", "   "]) {
      const res = await seller.postForm("/studio", { title, description: "Linen, live." });
      assertEquals(res.status, 400);
      const html = await res.text();
      assertMatch(html, form);
      assertMatch(
        focusedTag(html),
        /<input name="title"[^>]* aria-invalid="true" aria-describedby="title-error"/,
      );
      assertMatch(html, /<p id="title-error" class="field-error">Title is required<\/p>/, "beside the field");
      assertMatch(
        html,
        /role="alert">Title is required</,
        "the error above the form is not what takes focus",
      );
    }
  }));

Deno.test("a seller with no streams is told so by name, one full stop after a name that ends in one", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller, "linen@example.com", "Linen & Co.");
    const html = await (await seller.request("/studio")).text();
    assertMatch(html, /<bdi>Linen &amp; Co\.<\/bdi>, you have no streams yet\. Create one above\./);
    assert(!/\.<\/bdi>\./.test(html), "no second full stop");
  }));

Deno.test("the stream's owner broadcasts; another seller and a guest only subscribe; nobody publishes data", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    const ownerId = await signUp(owner);
    const streamId = await createStream(owner);
    const ownerClaims = await tokenClaims(owner, streamId, { as: "host" });
    assertEquals(connectionOf(ownerClaims.sub!), { person: sellerIdentity(ownerId), host: true });
    assertEquals(ownerClaims.video?.canPublish, true);
    assertEquals(ownerClaims.video?.canPublishData, false);
    assertEquals(ownerClaims.video?.room, roomName(streamId));
    const watching = await tokenClaims(owner, streamId);
    assertEquals(watching.video?.canPublish, false, "on their own watch page the seller only watches");
    assertEquals(connectionOf(watching.sub!), { person: sellerIdentity(ownerId), host: false });

    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival");
    await expectError(
      await rival.post(`/api/streams/${streamId}/token`, { as: "host" }),
      403,
      "not_stream_owner",
    );
    assertEquals((await tokenClaims(rival, streamId)).video?.canPublish, false);

    const guest = await viewer(app, streamId);
    await expectError(
      await guest.post(`/api/streams/${streamId}/token`, {
        identity: sellerIdentity(ownerId),
        canPublish: true,
      }),
      400,
      "invalid_input",
    );
    const guestClaims = await tokenClaims(guest, streamId);
    assertMatch(connectionOf(guestClaims.sub!).person, /^guest-[0-9a-f]{32}$/);
    assertEquals(guestClaims.video?.canPublish, false);
    assertEquals(guestClaims.video?.canSubscribe, true);
    assertEquals(guestClaims.video?.canPublishData, false);
    const again = await tokenClaims(guest, streamId);
    assertEquals(connectionOf(again.sub!).person, connectionOf(guestClaims.sub!).person, "one person");
    assert(
      again.sub !== guestClaims.sub,
      "each connection its own identity: a second tab never kicks the first",
    );
  }));

Deno.test("a forged guest cookie does not let anyone take another guest's identity", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    await signUp(owner);
    const streamId = await createStream(owner);
    const forger = new Client(app);
    forger.setCookie(
      "sf_guest",
      encodeURIComponent(JSON.stringify({ id: "victimvictim1234", name: "Victim" })) + ".forged",
    );
    await expectError(await forger.post(`/api/streams/${streamId}/token`), 401, "name_required");
    await forger.watch(streamId);
    const claims = await tokenClaims(forger, streamId);
    assert(connectionOf(claims.sub!).person !== "guest-victimvictim1234");
  }));

Deno.test("a real guest cookie with its name changed is nobody's, even just after the real one was checked", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    await signUp(owner);
    const streamId = await createStream(owner);
    const ada = await viewer(app, streamId);
    await ada.post(`/api/streams/${streamId}/token`); // the real cookie, checked and remembered
    const real = ada.cookie("sf_guest")!;
    const [value, signature] = [real.slice(0, real.lastIndexOf(".")), real.slice(real.lastIndexOf(".") + 1)];
    const guest = JSON.parse(decodeURIComponent(value));
    const forger = new Client(app);
    forger.setCookie(
      "sf_guest",
      `${encodeURIComponent(JSON.stringify({ ...guest, name: "Mallory" }))}.${signature}`,
    );
    await expectError(await forger.post(`/api/streams/${streamId}/token`), 401, "name_required");
  }));

Deno.test("a token for a missing stream is 404 and for an ended stream 409", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    await signUp(owner);
    const guest = new Client(app);
    await guest.postForm("/guest", { name: "Ann", returnTo: "/" });
    await expectError(await guest.post("/api/streams/nope/token"), 404, "stream_not_found");
    const streamId = await createStream(owner);
    await owner.post(`/api/streams/${streamId}/end`);
    await expectError(await guest.post(`/api/streams/${streamId}/token`), 409, "stream_ended");
  }));

Deno.test("a seller has one live stream at a time: a second go-live answers 409", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const first = await createStream(seller, "First");
    const second = await createStream(seller, "Second");
    assertEquals((await seller.post(`/api/streams/${first}/live`)).status, 200);
    assertEquals(
      (await seller.post(`/api/streams/${first}/live`)).status,
      200,
      "going live again is harmless",
    );
    // Named, with when it went live: two streams may share a title.
    const since = localDayAndTime(new Date(app.clock.now()).toISOString());
    assertMatch(
      await expectError(await seller.post(`/api/streams/${second}/live`), 409, "already_live"),
      new RegExp(`already live with "First" \\(live since ${since}\\); end it`),
    );
    // The studio's list says when each was made or went live, not the seller's own name again.
    const list = await (await seller.request("/studio")).text();
    assertMatch(list, new RegExp(`First</strong><span class="muted">Went live ${since}</span>`));
    assertMatch(list, new RegExp(`Second</strong><span class="muted">Created ${since}</span>`));
    assertEquals((await seller.post(`/api/streams/${first}/end`)).status, 200);
    assertEquals((await seller.post(`/api/streams/${second}/live`)).status, 200);
    await expectError(await seller.post(`/api/streams/${first}/live`), 409, "stream_ended");
  }));

Deno.test("going live, ending and deleting take no body: one sent anyway is refused and changes nothing", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const streamId = await createStream(seller);
    const junk = (method: string, path: string, body: string, type: string) =>
      seller.request(path, { method, headers: { "content-type": type }, body });
    const before = await kvSnapshot(app.services.kv);
    for (const [method, path] of [["POST", "live"], ["POST", "end"], ["DELETE", ""]] as const) {
      const at = `/api/streams/${streamId}${path ? `/${path}` : ""}`;
      await expectError(
        await junk(method, at, "x".repeat(3_000), "text/plain"),
        415,
        "unsupported_media_type",
      );
      await expectError(await junk(method, at, '{"now":true}', "application/json"), 400, "invalid_input");
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals((await seller.post(`/api/streams/${streamId}/live`)).status, 200, "an empty {} is fine");
  }));

Deno.test("only the stream's owner can go live or end it", () =>
  withApp(async (app) => {
    const owner = new Client(app);
    await signUp(owner);
    const streamId = await createStream(owner);
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival");
    const before = await kvSnapshot(app.services.kv);
    for (const action of ["live", "end"]) {
      await expectError(await rival.post(`/api/streams/${streamId}/${action}`), 403, "not_stream_owner");
      await expectError(
        await new Client(app).post(`/api/streams/${streamId}/${action}`),
        401,
        "sign_in_required",
      );
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
    await app.settle();
    assertEquals(app.rooms.sent, []);
    assertEquals((await rival.request(`/studio/${streamId}`)).status, 403);
  }));

Deno.test("going live and ending are stored, then announced to the room and the home page's list; ending closes the room", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const streamId = await createStream(seller, "Live <b>now</b>");
    await seller.post(`/api/streams/${streamId}/live`);
    const home = await (await new Client(app).request("/")).text();
    assertMatch(home, /Live &lt;b>now&lt;\/b>|Live &lt;b&gt;now&lt;\/b&gt;/, "titles render as text");
    assert(!home.includes("<b>now"), "nor as markup in the list's island props");
    const live = async () => (await (await new Client(app).request("/api/live")).json()).live;
    assertEquals(await live(), [
      { id: streamId, title: "Live <b>now</b>", sellerName: "Linen & Co", status: "live", watching: 0 },
    ]);
    await seller.post(`/api/streams/${streamId}/end`);
    assertEquals(await live(), [], "what the open home page asks for again");
    await app.settle();
    assertEquals(app.rooms.sent.map((s) => [s.topic, (s.message as { status: string }).status]), [
      ["status", "live"],
      ["status", "ended"],
    ]);
    assertEquals(app.rooms.closed, [streamId]);
    const status = (await (await new Client(app).request(`/api/streams/${streamId}`)).json()).stream.status;
    assertEquals(status, "ended");
    assert(
      !(await (await new Client(app).request("/")).text()).includes(streamId),
      "ended streams leave the home page",
    );
  }));

Deno.test("a LiveKit webhook with a forged or missing signature is refused with 401", () =>
  withApp(async (app) => {
    const body = JSON.stringify({ event: "room_finished", room: { name: "stream-x" } });
    const client = new Client(app);
    const forged = await client.request("/api/livekit/webhook", {
      method: "POST",
      headers: { "content-type": "application/webhook+json", authorization: "Bearer forged.jwt.token" },
      body,
    });
    await expectError(forged, 401, "bad_signature");
    const missing = await client.request("/api/livekit/webhook", {
      method: "POST",
      headers: { "content-type": "application/webhook+json" },
      body,
    });
    await expectError(missing, 401, "bad_signature");
  }));

/** The room ticket the watch page hands its player, from the page's island props. */
async function pageTicket(
  client: Client,
  streamId: string,
): Promise<{ serverUrl: string; token: string } | null> {
  const html = await (await client.request(`/watch/${streamId}`)).text();
  const blob = html.match(/<script type="application\/json" id="sf-islands">([\s\S]*?)<\/script>/)?.[1];
  const islands = JSON.parse(blob ?? "[]") as { name: string; props: { join?: unknown } }[];
  return (islands.find((i) => i.name === "WatchPlayer")?.props.join ?? null) as never;
}

Deno.test("the watch page carries a room ticket: the new guest's own viewer connection, so joining needs no request", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    await signUp(seller);
    const streamId = await createStream(seller);
    await seller.post(`/api/streams/${streamId}/live`);
    const stranger = new Client(app);
    const ticket = await pageTicket(stranger, streamId);
    assert(ticket, "a first visit gets one");
    assertEquals(ticket.serverUrl, "ws://127.0.0.1:7880");
    const claims = await verifier.verify(ticket.token);
    assertEquals(connectionOf(claims.sub!).person.startsWith("guest-"), true);
    assertEquals(
      [claims.video?.room, claims.video?.canPublish, claims.video?.canPublishData, claims.video?.hidden],
      [roomName(streamId), false, false, true],
    );
    assert(claims.exp! - claims.nbf! <= 10 * 60, "short-lived");
    const again = await pageTicket(stranger, streamId);
    assert(again && again.token !== ticket.token, "each page load is a connection of its own");
    await seller.post(`/api/streams/${streamId}/end`);
    assertEquals(await pageTicket(stranger, streamId), null, "an ended stream has no room to join");
  }));

Deno.test("past its address's silent guests a browser watches, nameless, only subscribing, and picks a name to chat", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    await seller.post(`/api/streams/${streamId}/live`);
    const venue = "198.51.100.77";
    // A venue's passive viewers, more than its address's share of silent guests.
    const views = RULES.pageGuest.address.max + 1;
    for (let i = 0; i < views; i++) await new Client(app, undefined, venue).watch(streamId);
    const late = new Client(app, undefined, venue);
    const html = await (await late.request(`/watch/${streamId}`)).text();
    assertEquals(late.cookie("sf_guest"), undefined, "the address's silent guests are spent");
    assertMatch(html, /Your name in chat/, "the page offers to pick a name");
    const ticket = await pageTicket(late, streamId);
    assert(ticket, "the page still carries a room ticket");
    const claims = await verifier.verify(ticket.token);
    const person = connectionOf(claims.sub!).person;
    assertMatch(person, /^watcher-/);
    assertEquals(
      [claims.video?.room, claims.video?.canPublish, claims.video?.canPublishData, claims.video?.hidden],
      [roomName(streamId), false, false, true],
    );
    const again = await tokenClaims(late, streamId);
    assertEquals(connectionOf(again.sub!).person, person, "a reconnect's ticket is the same watcher's");
    await expectError(
      await late.post(`/api/streams/${streamId}/token`, { as: "host" }),
      401,
      "name_required",
    );
    await expectError(await late.post(`/api/streams/${streamId}/chat`, { text: "hi" }), 401, "name_required");
    await expectError(await late.post(`/api/streams/${streamId}/like`), 401, "name_required");
    const named = await late.postForm("/guest", { name: "Zoe", returnTo: `/watch/${streamId}` });
    assertEquals(named.status, 303, "passive views did not use up picking a name");
    assertEquals(named.headers.get("location"), `/watch/${streamId}`);
    const said = await late.post(`/api/streams/${streamId}/chat`, { text: "hi from the venue" });
    assertEquals(said.status, 201, "and, named, they chat");
    assertEquals((await said.json()).message.name, "Zoe");
  }));
