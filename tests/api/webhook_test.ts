// LiveKit's webhooks in-process: signed the way livekit-server signs them, or forged.
import { reconcileAudiences } from "@/lib/audience/reconcile.ts";
import { roomName, sellerIdentity } from "@/lib/livekit/names.ts";
import { assertEquals } from "@/tests/assert.ts";
import { Client, createStream, expectError, kvSnapshot, withApp } from "./client.ts";
import { deliver, eventBody, liveStream, post, sign } from "./livekit_events.ts";

const ann = { identity: "guest-ann", name: "Ann", sid: "PA_ann1" };
const bo = { identity: "guest-bo", name: "Bo", sid: "PA_bo1" };

Deno.test("a webhook with a forged signature is refused with 401 and changes nothing", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { room } = await liveStream(seller);
    await app.forgetSent();
    const before = await kvSnapshot(app.services.kv);
    const body = eventBody("participant_joined", room, ann);
    const wrongSecret = await sign(body, "not-the-secret-but-long-enough-0000000");
    const otherBody = await sign(eventBody("participant_joined", room, bo));
    for (const authorization of [undefined, "", "Bearer nonsense", wrongSecret, otherBody]) {
      await expectError(await post(seller, body, authorization), 401, "bad_signature");
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
    await app.settle();
    assertEquals(app.rooms.sent, [], "nothing is announced");
  }));

/** Viewer counts without their version (a KV versionstamp), which must be there. */
function unversioned(counts: unknown): unknown {
  const { version, ...rest } = counts as { version?: unknown };
  assertEquals(typeof version, "string");
  return rest;
}

Deno.test("signed joins and leaves keep the viewer count and peak, tell the room, and name viewers to the seller only", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, streamId, room } = await liveStream(seller);
    const studio = { identity: `${sellerIdentity(sellerId)}~hstudio1`, name: "Linen & Co", sid: "PA_s1" };
    await deliver(seller, "participant_joined", room, studio);
    await app.forgetSent();
    // Two seconds apart, so each change is told (counts at most once a second, names every two).
    const apart = async (event: string, who: typeof ann) => {
      await deliver(seller, event, room, who);
      app.clock.advance(2_000);
      await app.settle();
    };
    await apart("participant_joined", ann);
    await apart("participant_joined", bo);
    await apart("participant_joined", bo); // webhooks can repeat
    await apart("participant_left", ann);
    const told = app.rooms.sent.flatMap((s, i) => s.topic === "viewers" ? [i] : []);
    const versions = told.map((i) => app.rooms.envelopes[i]!.version!);
    assertEquals(versions, [...versions].sort(), "each change's version is newer than the last");
    assertEquals(told.map((i) => [app.rooms.sent[i]!.message, app.rooms.sent[i]!.to]), [
      [{ v: 1, type: "viewers", current: 1, peak: 1 }, undefined],
      [{ v: 1, type: "viewers", current: 1, peak: 1, names: ["Ann"] }, [studio.identity]],
      [{ v: 1, type: "viewers", current: 2, peak: 2 }, undefined],
      [{ v: 1, type: "viewers", current: 2, peak: 2, names: ["Ann", "Bo"] }, [studio.identity]],
      [{ v: 1, type: "viewers", current: 1, peak: 2 }, undefined],
      [{ v: 1, type: "viewers", current: 1, peak: 2, names: ["Bo"] }, [studio.identity]],
    ]);
    assertEquals(told.map((i) => app.rooms.envelopes[i]!.seq !== undefined), [
      true,
      false,
      true,
      false,
      true,
      false,
    ], "only what all hear has a place in the room's sequence");
    assertEquals(unversioned(await (await seller.request(`/api/streams/${streamId}/viewers`)).json()), {
      current: 1,
      peak: 2,
      names: ["Bo"],
    });
    assertEquals(
      unversioned(await (await new Client(app).request(`/api/streams/${streamId}/viewers`)).json()),
      {
        current: 1,
        peak: 2,
      },
    );
  }));

Deno.test("a reload's leave reported after its new join keeps the viewer counted", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { streamId, room } = await liveStream(seller);
    await deliver(seller, "participant_joined", room, ann);
    await deliver(seller, "participant_joined", room, { ...ann, sid: "PA_ann2" });
    await deliver(seller, "participant_left", room, ann);
    assertEquals(unversioned(await (await seller.request(`/api/streams/${streamId}/viewers`)).json()), {
      current: 1,
      peak: 1,
      names: ["Ann"],
    });
  }));

Deno.test("the seller is not a viewer: leaving marks a live stream's seller away, rejoining brings them back", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, streamId, room } = await liveStream(seller);
    const me = { identity: `${sellerIdentity(sellerId)}~hfirst`, name: "Linen & Co", sid: "PA_s1" };
    const myWatchPage = { identity: `${sellerIdentity(sellerId)}~vtab`, name: "Linen & Co", sid: "PA_w1" };
    await app.forgetSent();
    const stream = async () => (await (await seller.request(`/api/streams/${streamId}`)).json()).stream;
    await deliver(seller, "participant_joined", room, me);
    await deliver(seller, "participant_joined", room, myWatchPage);
    await deliver(seller, "participant_left", room, me);
    await deliver(seller, "participant_left", room, me);
    assertEquals(
      (await app.services.kv.get<{ sellerAway?: boolean }>(["streams", streamId])).value?.sellerAway,
      true,
    );
    await deliver(seller, "participant_joined", room, {
      ...me,
      identity: `${sellerIdentity(sellerId)}~hagain`,
      sid: "PA_s2",
    });
    await deliver(seller, "participant_left", room, me); // the old connection, reported late
    await app.settle();
    const statuses = app.rooms.sent.filter((s) => s.topic === "status").map((s) =>
      (s.message as { status: string }).status
    );
    assertEquals(statuses, ["reconnecting", "live"]);
    assertEquals(app.rooms.sent.filter((s) => s.topic === "viewers"), [], "the seller is never counted");
    assertEquals((await stream()).status, "live");
    assertEquals(
      (await app.services.kv.get<{ sellerAway?: boolean }>(["streams", streamId])).value?.sellerAway,
      false,
    );
  }));

Deno.test("a second studio takes the broadcast over once it publishes: the older one is let go, whichever webhook comes first", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, streamId, room } = await liveStream(seller);
    const person = sellerIdentity(sellerId);
    const connection = (suffix: string, joinedAtMs: number, publishing: boolean) => ({
      identity: `${person}~${suffix}`,
      name: "Linen & Co",
      sid: `PA_${suffix}`,
      joinedAtMs,
      tracks: publishing ? [`TR_${suffix}`] : [],
    });
    const first = connection("hfirst", 1_000, true);
    const ownWatchPage = connection("vtab", 1_500, false);
    const second = connection("hsecond", 2_000, true);
    // The seller's token in a script that publishes nothing takes nothing over.
    const script = connection("hscript", 2_500, false);
    app.rooms.present.set(streamId, [first, ownWatchPage, second, script]);
    await deliver(seller, "participant_joined", room, script);
    assertEquals(app.rooms.removed, [], "joining alone lets no studio go");
    // As LiveKit tells of a track, the connection is named by its identity and id alone.
    const published = ({ identity, sid }: { identity: string; sid: string }) =>
      deliver(seller, "track_published", room, { identity, sid });
    await published(second);
    assertEquals(app.rooms.removed, [{ streamId, identities: [first.identity] }]);
    // The first studio's broadcast reported late: it joined before the second, which stays.
    await published(first);
    await deliver(seller, "participant_left", room, first);
    assertEquals(app.rooms.removed.length, 1, "the second studio, the script and the watch page stay");
    const stored = (await app.services.kv.get<{ sellerAway?: boolean }>(["streams", streamId])).value;
    assertEquals(!!stored?.sellerAway, false, "not away: live from the second studio");

    // A third studio's broadcast whose webhook never came: the minute's repair lets the older go.
    const third = connection("hthird", 3_000, true);
    app.rooms.present.set(streamId, [second, ownWatchPage, script, third]);
    await reconcileAudiences(app.services);
    assertEquals(app.rooms.removed.at(-1), { streamId, identities: [second.identity, script.identity] });
  }));

Deno.test("room_finished empties the viewer set but keeps the peak; unknown rooms are ignored", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { streamId, room } = await liveStream(seller);
    await deliver(seller, "participant_joined", room, ann);
    await deliver(seller, "participant_joined", room, bo);
    await deliver(seller, "room_finished", room);
    await deliver(seller, "room_finished", room);
    assertEquals(unversioned(await (await seller.request(`/api/streams/${streamId}/viewers`)).json()), {
      current: 0,
      peak: 2,
      names: [],
    });
    await app.forgetSent();
    const before = await kvSnapshot(app.services.kv);
    await deliver(seller, "participant_joined", "stream-nope", ann);
    await deliver(seller, "participant_joined", "someone-elses-room", ann);
    await deliver(seller, "track_published", room, ann);
    assertEquals(await kvSnapshot(app.services.kv), before);
    await app.settle();
    assertEquals(app.rooms.sent, []);
  }));

Deno.test("a replayed webhook (same event id) changes nothing", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { streamId, room } = await liveStream(seller);
    const joined = eventBody("participant_joined", room, ann, "EV_join1");
    const left = eventBody("participant_left", room, ann, "EV_left1");
    for (const body of [joined, left]) assertEquals((await post(seller, body, await sign(body))).status, 200);
    await app.forgetSent();
    const before = await kvSnapshot(app.services.kv);
    // Replayed: the join again would count Ann back in.
    assertEquals((await post(seller, joined, await sign(joined))).status, 200);
    assertEquals(await kvSnapshot(app.services.kv), before);
    await app.settle();
    assertEquals(app.rooms.sent, []);
    const viewers = await (await seller.request(`/api/streams/${streamId}/viewers`)).json();
    assertEquals([viewers.current, viewers.peak], [0, 1]);
  }));

Deno.test("two tabs of one viewer count one person, who leaves with the last tab", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { streamId, room } = await liveStream(seller);
    const tab1 = { identity: "guest-ann~vone", name: "Ann", sid: "PA_1" };
    const tab2 = { identity: "guest-ann~vtwo", name: "Ann", sid: "PA_2" };
    const count = async () =>
      (await (await seller.request(`/api/streams/${streamId}/viewers`)).json()).current;
    await deliver(seller, "participant_joined", room, tab1);
    await deliver(seller, "participant_joined", room, tab2);
    assertEquals(await count(), 1);
    await deliver(seller, "participant_left", room, tab1);
    assertEquals(await count(), 1, "the other tab still watches");
    await deliver(seller, "participant_left", room, tab2);
    assertEquals(await count(), 0);
  }));

Deno.test("someone banned who joins with a token minted before the ban is removed at once, and not counted", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { streamId, room } = await liveStream(seller);
    const troll = await new Client(app).watch(streamId);
    const said = await (await troll.post(`/api/streams/${streamId}/chat`, { text: "spam" })).json();
    assertEquals(
      (await seller.post(`/api/streams/${streamId}/bans`, { messageId: said.message.id })).status,
      201,
    );
    const { bans } = await (await seller.request(`/api/streams/${streamId}/moderation`)).json();
    const identity = `${bans[0].person}~vold`;
    app.rooms.sent.length = 0;
    await deliver(new Client(app), "participant_joined", room, { identity, name: "Troll", sid: "PA_t1" });
    assertEquals(app.rooms.removed, [{ streamId, identities: [identity] }]);
    assertEquals(app.rooms.sent.filter((s) => s.topic === "viewers"), [], "never counted");
  }));

Deno.test("a token minted before the end that opens the room again closes it, and counts no one", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, streamId, room } = await liveStream(seller);
    await deliver(seller, "participant_joined", room, ann);
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    await deliver(seller, "participant_left", room, ann);
    await deliver(seller, "room_finished", room);
    app.rooms.closed.length = 0;
    const before = await kvSnapshot(app.services.kv);
    // LiveKit makes the room again for the old tokens: the host's and two viewers'.
    const host = { identity: `${sellerIdentity(sellerId)}~hstudio9`, name: "Linen & Co", sid: "PA_h9" };
    for (const who of [host, ann, bo]) await deliver(seller, "participant_joined", room, who);
    await deliver(seller, "track_published", room, host);
    assertEquals(app.rooms.closed, [streamId, streamId, streamId]);
    assertEquals(await kvSnapshot(app.services.kv), before, "no viewer, visitor or presence counted");
    // The same for a deleted stream's room.
    const next = await createStream(seller, "Next");
    assertEquals((await seller.request(`/api/streams/${next}`, { method: "DELETE" })).status, 204);
    app.rooms.closed.length = 0;
    await deliver(seller, "participant_joined", roomName(next), ann);
    assertEquals(app.rooms.closed, [next]);
  }));
