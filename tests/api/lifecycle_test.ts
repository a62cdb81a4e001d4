// A stream follows what really happens to it, with the clock moved by hand: a seller gone
// past the grace period shows as away and leaves the home page; one gone much longer ends
// the stream. Viewer counts reach the room coalesced, and are repaired from LiveKit's own
// list of who is in the room.
import { reconcileAudiences } from "@/lib/audience/reconcile.ts";
import type { StreamStatusMessage, ViewersMessage } from "@/lib/contract/messages.ts";
import { sellerIdentity } from "@/lib/livekit/names.ts";
import { followSellers } from "@/lib/streams/lifecycle.ts";
import { assert, assertEquals } from "@/tests/assert.ts";
import { Client, type TestApp, withApp } from "./client.ts";
import { broadcastFrom, deliver, liveStream } from "./livekit_events.ts";

async function sellerGone(app: TestApp) {
  const seller = new Client(app);
  const { sellerId, streamId, room } = await liveStream(seller);
  const studio = { identity: `${sellerIdentity(sellerId)}~hstudio`, name: "Linen & Co", sid: "PA_s1" };
  await deliver(seller, "participant_joined", room, studio);
  await deliver(seller, "participant_left", room, studio);
  await app.forgetSent();
  const stream = async () =>
    (await (await new Client(app).request(`/api/streams/${streamId}`)).json()).stream;
  const home = async () => await (await new Client(app).request("/")).text();
  const statuses = async () => {
    await app.settle();
    return app.rooms.sent.splice(0).filter((s) => s.topic === "status").map((s) =>
      (s.message as StreamStatusMessage).status
    );
  };
  return { seller, studio, streamId, room, stream, home, statuses };
}

Deno.test("a seller gone past the grace period shows as away and leaves the home page; back, they are live again", () =>
  withApp(async (app) => {
    const { seller, studio, streamId, room, stream, home, statuses } = await sellerGone(app);
    assertEquals((await stream()).presence, "reconnecting");
    assert((await home()).includes(streamId), "a moment's drop keeps the stream listed");

    app.clock.advance(119_000);
    await followSellers(app.services);
    assertEquals(await statuses(), [], "within the grace period (2 min) nothing changes");

    app.clock.advance(1_000);
    await followSellers(app.services);
    await followSellers(app.services);
    assertEquals(await statuses(), ["away"], "told once");
    assertEquals([(await stream()).status, (await stream()).presence], ["live", "away"]);
    assert(!(await home()).includes(streamId), "the home page lists only streams with a seller");

    await broadcastFrom(seller, room, { ...studio, identity: `${studio.identity}2`, sid: "PA_s2" });
    assertEquals(await statuses(), ["live"]);
    assertEquals((await stream()).presence, "here");
    assert((await home()).includes(streamId));
  }));

Deno.test("a seller gone 30 minutes ends the stream as if they had ended it: told, closed, counted", () =>
  withApp(async (app) => {
    const { streamId, stream, statuses } = await sellerGone(app);
    app.clock.advance(29 * 60_000);
    await followSellers(app.services);
    assertEquals(await statuses(), ["away"]);
    app.clock.advance(60_000);
    await followSellers(app.services);
    await followSellers(app.services);
    assertEquals(await statuses(), ["ended"], "told once");
    assertEquals(app.rooms.closed, [streamId], "the room is closed");
    assertEquals((await stream()).status, "ended");
    const chat = await new Client(app).watch(streamId);
    assertEquals((await chat.post(`/api/streams/${streamId}/chat`, { text: "hello?" })).status, 409);
  }));

Deno.test("a seller there but publishing nothing for 30 minutes ends the stream too; publishing again within it keeps it", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, streamId, room } = await liveStream(seller);
    const studio = { identity: `${sellerIdentity(sellerId)}~hstudio`, name: "Linen & Co", sid: "PA_s1" };
    await broadcastFrom(seller, room, studio);
    await deliver(seller, "track_unpublished", room, studio);
    const stream = async () =>
      (await (await new Client(app).request(`/api/streams/${streamId}`)).json()).stream;
    app.clock.advance(20 * 60_000);
    await deliver(seller, "track_published", room, studio);
    await deliver(seller, "track_unpublished", room, studio);
    app.clock.advance(29 * 60_000);
    await followSellers(app.services);
    assertEquals([(await stream()).status, (await stream()).presence], ["live", "here"], "counted afresh");
    app.clock.advance(60_000);
    await followSellers(app.services);
    assertEquals((await stream()).status, "ended");
    await app.settle();
    assertEquals(app.rooms.closed, [streamId], "the room is closed");
  }));

Deno.test("50 viewers joining at once make one count message a second, and one name list for the seller", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, room } = await liveStream(seller);
    const studio = { identity: `${sellerIdentity(sellerId)}~hstudio`, name: "Linen & Co", sid: "PA_s1" };
    await deliver(seller, "participant_joined", room, studio);
    await app.forgetSent();
    const join = (i: number) =>
      deliver(seller, "participant_joined", room, {
        identity: `guest-${i}`,
        name: `Guest ${i}`,
        sid: `PA_${i}`,
      });
    const told = async () => {
      await app.settle();
      return app.rooms.sent.splice(0).map((
        s,
      ) => [(s.message as ViewersMessage).current, s.to ? "names" : "all"]);
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => join(i)));
    assertEquals(await told(), [[50, "all"], [50, "names"]]);
    for (let i = 50; i < 60; i++) await join(i);
    assertEquals(await told(), [], "not again within the second");
    app.clock.advance(1_000);
    assertEquals(await told(), [[60, "all"]], "the count after a second, the names after two");
    app.clock.advance(1_000);
    assertEquals(await told(), [[60, "names"]]);
    app.clock.advance(5_000);
    assertEquals(await told(), [], "nothing changed, nothing told");
  }));

Deno.test("a guest renamed while watching is listed under the new name, told to the seller, and kept by the repair", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, streamId, room } = await liveStream(seller);
    const bo = new Client(app);
    assertEquals((await bo.request(`/watch/${streamId}`)).status, 200);
    const tab = { identity: `${bo.guest()}~vtab1`, name: "Guest 4E59", sid: "PA_bo" };
    await deliver(seller, "participant_joined", room, tab);
    const studio = { identity: `${sellerIdentity(sellerId)}~hstudio`, name: "Linen & Co", sid: "PA_s" };
    await deliver(seller, "participant_joined", room, studio);
    app.rooms.present.set(streamId, [studio, tab]);
    await app.forgetSent();
    const names = async () => (await (await seller.request(`/api/streams/${streamId}/viewers`)).json()).names;
    assertEquals(await names(), ["Guest 4E59"]);

    const res = await bo.postForm("/guest", { name: "ليلى 🌸", returnTo: `/watch/${streamId}` });
    assertEquals(res.status, 303);
    assertEquals(await names(), ["ليلى 🌸"]);
    assertEquals(
      app.rooms.present.get(streamId)!.map((p) => p.name),
      ["Linen & Co", "ليلى 🌸"],
      "LiveKit is told",
    );
    app.clock.advance(2_000);
    await app.settle();
    const told = app.rooms.sent.filter((s) => s.to).map((s) => (s.message as ViewersMessage).names);
    assertEquals(told, [["ليلى 🌸"]], "the seller's list hears it");
    assertEquals(await reconcileAudiences(app.services), [], "the minute's repair keeps the new name");
    assertEquals(await names(), ["ليلى 🌸"]);
  }));

Deno.test("viewer counts are repaired from LiveKit's participant list: joins and leaves missed while down", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, streamId, room } = await liveStream(seller);
    const ann = { identity: "guest-ann~vtab1", name: "Ann", sid: "PA_ann" };
    await deliver(seller, "participant_joined", room, ann);
    // While the app was down: Ann left, Bo came (two tabs), and the seller's studio is there.
    app.rooms.present.set(streamId, [
      { identity: "guest-bo~vtab1", name: "Bo", sid: "PA_bo1" },
      { identity: "guest-bo~vtab2", name: "Bo", sid: "PA_bo2" },
      { identity: `${sellerIdentity(sellerId)}~hstudio`, name: "Linen & Co", sid: "PA_s" },
      { identity: `${sellerIdentity(sellerId)}~vown`, name: "Linen & Co", sid: "PA_w" },
    ]);
    await app.forgetSent();
    assertEquals(await reconcileAudiences(app.services), [streamId]);
    const viewers = await (await seller.request(`/api/streams/${streamId}/viewers`)).json();
    assertEquals([viewers.current, viewers.peak, viewers.names], [1, 1, ["Bo"]]);
    app.clock.advance(2_000);
    await app.settle();
    assertEquals(
      app.rooms.sent.filter((s) => !s.to).map((s) => (s.message as ViewersMessage).current),
      [1],
      "the room is told",
    );
    assertEquals(await reconcileAudiences(app.services), [], "nothing more to repair");
    await deliver(seller, "participant_left", room, {
      identity: "guest-bo~vtab1",
      name: "Bo",
      sid: "PA_bo1",
    });
    assertEquals(
      (await (await seller.request(`/api/streams/${streamId}/viewers`)).json()).current,
      1,
      "one tab left",
    );
  }));

Deno.test("a studio that never joined, or whose leave was lost, is found gone in LiveKit's list: the stream shows away and leaves the home page", () =>
  withApp(async (app) => {
    const seller = new Client(app);
    const { sellerId, streamId, room } = await liveStream(seller);
    const presence = async () =>
      (await (await seller.request(`/api/streams/${streamId}`)).json()).stream.presence;
    const listed = async () =>
      (await (await seller.request("/api/live")).json()).live.map((s: { id: string }) => s.id);
    // Live from the API, no studio in the room: given the grace period to join first.
    app.clock.advance(60_000);
    await reconcileAudiences(app.services);
    assertEquals(await presence(), "here");
    app.clock.advance(60_000);
    await reconcileAudiences(app.services);
    assertEquals(await presence(), "reconnecting");
    app.clock.advance(120_000);
    await followSellers(app.services);
    assertEquals([await presence(), await listed()], ["away", []]);

    // The studio joins and broadcasts; its leave is then lost. LiveKit's list tells.
    const studio = { identity: `${sellerIdentity(sellerId)}~hstudio`, name: "Linen & Co", sid: "PA_s" };
    await broadcastFrom(seller, room, studio);
    assertEquals([await presence(), await listed()], ["here", [streamId]]);
    app.rooms.present.set(streamId, [{ ...studio, tracks: ["TR_camera"] }]);
    await reconcileAudiences(app.services);
    assertEquals(await presence(), "here", "listed: still here");
    app.rooms.present.set(streamId, []);
    await reconcileAudiences(app.services);
    assertEquals(await presence(), "reconnecting");
  }));
