// A capped stream's seats hold where LiveKit lets people in: a ticket keeps its seat for as
// long as it opens the room, and a join the cap (or the address's share of it) no longer
// has room for is removed at once and not counted, whenever its ticket was given. The host
// and moderators are never turned away.
import { VIEWER_TOKEN_OPENS_MS } from "@/lib/livekit/tokens.ts";
import { assert, assertEquals } from "@/tests/assert.ts";
import { Client, expectError, signUp, type TestApp, withApp } from "./client.ts";
import { deliver, holderOf, liveStream } from "./livekit_events.ts";

/** A live stream whose shop caps its viewers at `viewerCap`. */
async function cappedStream(app: TestApp, viewerCap: number) {
  const seller = new Client(app);
  const stream = await liveStream(seller);
  const rules = { slowModeSeconds: 0, linksAllowed: false, blockedWords: [], viewerCap };
  const res = await seller.send("PUT", `/api/shops/${stream.sellerId}/rules`, rules);
  assertEquals(res.status, 200, await res.text());
  return { seller, ...stream };
}

/** A guest who picked a name, browsing from `address`. */
async function guestFrom(app: TestApp, address: string, name: string): Promise<Client> {
  const guest = new Client(app, undefined, address);
  await guest.postForm("/guest", { name, returnTo: "/" });
  return guest;
}

/** The room ticket `client` is given to watch. */
async function ticket(client: Client, streamId: string): Promise<string> {
  const res = await client.post(`/api/streams/${streamId}/token`, { as: "viewer" });
  assertEquals(res.status, 200, await res.clone().text());
  return (await res.json()).token;
}

const watching = async (client: Client, streamId: string) =>
  (await (await client.request(`/api/streams/${streamId}/viewers`)).json()).current;

Deno.test("an address's tickets, each given once the last no longer opens the room, seat no more than its share when all are used", () =>
  withApp(async (app) => {
    // A cap of 4: one seat per address.
    const { seller, streamId, room } = await cappedStream(app, 4);
    const tickets: string[] = [];
    for (const name of ["Ann", "Bo", "Cy", "Di"]) {
      const guest = await guestFrom(app, "10.9.9.9", name);
      if (tickets.length) {
        // The last one's ticket holds the seat for as long as LiveKit would let it in.
        app.clock.advance(VIEWER_TOKEN_OPENS_MS - 1);
        await expectError(await guest.post(`/api/streams/${streamId}/token`, {}), 409, "stream_full");
        app.clock.advance(1);
      }
      tickets.push(await ticket(guest, streamId));
    }
    // All four join at once: were LiveKit to let each in, only one is seated.
    const holders = await Promise.all(tickets.map(holderOf));
    await Promise.all(holders.map((who) => deliver(seller, "participant_joined", room, who)));
    assertEquals(await watching(seller, streamId), 1, "one of them watches");
    const removed = app.rooms.removed.flatMap((r) => r.identities);
    assertEquals(removed.length, 3, "the other three are removed");
    assert(removed.every((identity) => holders.some((h) => h.identity === identity)));
    // Everyone else still gets in, and is counted.
    const eve = await guestFrom(app, "10.8.8.8", "Eve");
    await deliver(seller, "participant_joined", room, await holderOf(await ticket(eve, streamId)));
    assertEquals(await watching(seller, streamId), 2);
    assertEquals(app.rooms.removed.length, 3, "Eve stays");
  }));

Deno.test("tickets given as a capped room fills are turned away at the cap, and told so; the host and moderators never are", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, room } = await cappedStream(app, 2);
    // Three people from three addresses are each given a ticket while the room is empty.
    const guests = await Promise.all(
      ["Ann", "Bo", "Cy"].map((name, i) => guestFrom(app, `10.7.7.${i}`, name)),
    );
    const holders = await Promise.all(guests.map(async (guest) => holderOf(await ticket(guest, streamId))));
    for (const who of holders) await deliver(seller, "participant_joined", room, who);
    assertEquals(await watching(seller, streamId), 2);
    assertEquals(app.rooms.removed.flatMap((r) => r.identities), [holders[2]!.identity], "Cy is removed");
    // What Cy's player asks once removed: the stream is full (not a ban).
    await expectError(await guests[2]!.post(`/api/streams/${streamId}/token`, {}), 409, "stream_full");
    // A moderator (from Ann's address) and the seller's studio join past the cap.
    const mod = new Client(app, undefined, "10.7.7.0");
    await signUp(mod, "mod@example.com", "Mo");
    assertEquals(
      (await seller.post(`/api/shops/${sellerId}/moderators`, { email: "mod@example.com" })).status,
      201,
    );
    await deliver(seller, "participant_joined", room, await holderOf(await ticket(mod, streamId)));
    const studio = await seller.post(`/api/streams/${streamId}/token`, { as: "host" });
    await deliver(seller, "participant_joined", room, await holderOf((await studio.json()).token));
    assertEquals(await watching(seller, streamId), 3, "the moderator watches too");
    assertEquals(app.rooms.removed.length, 1, "nobody else is removed");
  }));
