// The home page's list (and /api/live, which it asks again) shows only streams with
// something to watch: a seller connected but publishing no track leaves it after the grace
// period, as an away one does, told by LiveKit's webhooks or found in its participant list.
// However many go live, it lists the most watched few and says how many more there are.
import { reconcileAudiences } from "@/lib/audience/reconcile.ts";
import { roomName, sellerIdentity } from "@/lib/livekit/names.ts";
import { assert, assertEquals } from "@/tests/assert.ts";
import { Client, createStream, signUp, type TestApp, withApp } from "./client.ts";
import { broadcastFrom, deliver } from "./livekit_events.ts";

const GRACE_MS = 120_000;

/** A seller of their own, live, with their studio's connection (not yet joined). */
async function goesLive(app: TestApp, n = 0) {
  const seller = new Client(app);
  const sellerId = await signUp(seller, `seller${n}@example.com`, `Shop ${n}`);
  const streamId = await createStream(seller, `Drop ${n}`);
  assertEquals((await seller.post(`/api/streams/${streamId}/live`)).status, 200);
  const studio = { identity: `${sellerIdentity(sellerId)}~hstudio`, name: `Shop ${n}`, sid: `PA_s${n}` };
  return { seller, streamId, room: roomName(streamId), studio };
}

async function listed(app: TestApp): Promise<string[]> {
  const list = await (await new Client(app).request("/api/live")).json();
  const home = await (await new Client(app).request("/")).text();
  const ids = list.live.map((s: { id: string }) => s.id);
  for (const id of ids) assert(home.includes(`data-stream-id="${id}"`), "the page lists what /api/live does");
  return ids;
}

Deno.test("a seller connected but publishing nothing leaves the home page after the grace period, and is back once a track is published", () =>
  withApp(async (app) => {
    const { seller, streamId, room, studio } = await goesLive(app);
    await deliver(seller, "participant_joined", room, studio);
    app.clock.advance(GRACE_MS - 1_000);
    assertEquals(await listed(app), [streamId], "within the grace period, the studio may yet publish");
    app.clock.advance(1_000);
    assertEquals(await listed(app), [], "nothing to watch");
    const stream = await (await new Client(app).request(`/api/streams/${streamId}`)).json();
    assertEquals(
      stream.stream.presence,
      "here",
      "its viewers are told nothing new: the video starts in a moment",
    );

    await deliver(seller, "track_published", room, studio);
    assertEquals(await listed(app), [streamId]);

    // Try again swapping a device: the camera goes, another comes a moment later.
    await deliver(seller, "track_unpublished", room, studio);
    app.clock.advance(GRACE_MS - 1_000);
    assertEquals(await listed(app), [streamId], "no flicker between tracks");
    await deliver(seller, "track_published", room, { ...studio, track: "TR_camera2" });
    app.clock.advance(GRACE_MS);
    assertEquals(await listed(app), [streamId]);

    // Away, then back without publishing: the time with nothing to watch runs on.
    await deliver(seller, "participant_left", room, studio);
    app.clock.advance(GRACE_MS / 2);
    await deliver(seller, "participant_joined", room, { ...studio, sid: "PA_back" });
    app.clock.advance(GRACE_MS / 2);
    assertEquals(await listed(app), []);
  }));

Deno.test("sound alone is something to watch: a seller publishing only a microphone stays listed", () =>
  withApp(async (app) => {
    const sound = await goesLive(app, 1);
    await broadcastFrom(sound.seller, sound.room, { ...sound.studio, track: "TR_microphone" });
    const silent = await goesLive(app, 2);
    await deliver(silent.seller, "participant_joined", silent.room, silent.studio);
    app.clock.advance(10 * 60_000);
    assertEquals(await listed(app), [sound.streamId]);
  }));

Deno.test("a track's webhook lost is repaired from LiveKit's participant list", () =>
  withApp(async (app) => {
    const { seller, streamId, room, studio } = await goesLive(app);
    await broadcastFrom(seller, room, studio);
    const inRoom = (tracks: string[]) => app.rooms.present.set(streamId, [{ ...studio, tracks }]);
    inRoom(["TR_camera"]);
    assertEquals(await reconcileAudiences(app.services), []);
    app.clock.advance(GRACE_MS);
    assertEquals(await listed(app), [streamId], "as the webhooks told");

    // The camera's unpublishing never came.
    inRoom([]);
    await reconcileAudiences(app.services);
    app.clock.advance(GRACE_MS);
    assertEquals(await listed(app), []);

    // Nor did the microphone's publishing.
    inRoom(["TR_microphone"]);
    await reconcileAudiences(app.services);
    assertEquals(await listed(app), [streamId]);
  }));

Deno.test("the home page lists 48 streams, the most watched first and then the newest, and says how many more are live", () =>
  withApp(async (app) => {
    const ids: string[] = [];
    for (let n = 0; n < 50; n++) {
      const { seller, streamId, room, studio } = await goesLive(app, n);
      await broadcastFrom(seller, room, studio);
      ids.push(streamId);
      app.clock.advance(1_000);
    }
    // The two oldest streams are watched: two people, then one.
    const watch = (n: number, who: string) =>
      deliver(new Client(app), "participant_joined", roomName(ids[n]!), {
        identity: `guest-${who}~vtab`,
        name: who,
        sid: `PA_${who}`,
      });
    await watch(0, "ann");
    await watch(0, "bo");
    await watch(1, "cy");

    const newest = ids.slice(2).reverse();
    assertEquals(await listed(app), [ids[0], ids[1], ...newest.slice(0, 46)]);
    const list = await (await new Client(app).request("/api/live")).json();
    assertEquals(list.more, 2);
    assert((await (await new Client(app).request("/")).text()).includes("…and 2 more live now."));
  }));
