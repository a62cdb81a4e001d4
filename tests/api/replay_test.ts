// Replays through the API: the studio records a live stream a few seconds at a time, each
// part counted once and in order, and anyone plays it back once it has ended, seeking by
// byte range. Only the stream's seller records, only while live; a seller keeps at most
// their quota, each take for REPLAY_DAYS.
import { roomName, sellerIdentity } from "@/lib/livekit/names.ts";
import { sweepReplays } from "@/lib/replays/actions.ts";
import { claimPart } from "@/lib/replays/store.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { filesUnder } from "@/tests/fixtures/images.ts";
import { block, cluster, emptyElements, HEADER, recording, tinyBlocks } from "@/tests/fixtures/webm.ts";
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
import { broadcastFrom, deliver, type Who } from "./livekit_events.ts";

const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const bytes = (text: string) => new TextEncoder().encode(text);
/** A take's first part: WebM's header, then `text`. */
const firstPart = (text: string) => new Uint8Array([...EBML, ...bytes(text)]);

/** The files under `dir` this process has open (Linux: /proc/self/fd). */
async function openFilesUnder(dir: string): Promise<string[]> {
  const open = await Array.fromAsync(
    Deno.readDir("/proc/self/fd"),
    (fd) => Deno.readLink(`/proc/self/fd/${fd.name}`).catch(() => ""),
  );
  return open.filter((path) => path.startsWith(dir));
}

const startTake = (seller: Client, streamId: string, body: unknown = { type: "video/webm" }) =>
  seller.post(`/api/streams/${streamId}/replay`, body);
const putPart = (
  seller: Client,
  streamId: string,
  takeId: string,
  part: number | string,
  body: Uint8Array<ArrayBuffer>,
) => seller.request(`/api/streams/${streamId}/replay/${takeId}/${part}`, { method: "PUT", body });

async function liveTake(app: TestApp) {
  const { seller, streamId } = await sellerWithStream(app);
  assertEquals((await seller.post(`/api/streams/${streamId}/live`)).status, 200);
  const res = await startTake(seller, streamId);
  assertEquals(res.status, 201);
  return { seller, streamId, takeId: (await res.json()).take.id as string };
}

Deno.test("a live stream's replay is recorded in parts, counted once each, and played back by range after the end", () =>
  withApp(async (app) => {
    const { seller, streamId, takeId } = await liveTake(app);
    const sends = [[0, firstPart("aaaa"), 1, 8], [1, bytes("bbbb"), 2, 12], [
      1,
      bytes("bbbb"),
      2,
      12,
    ]] as const;
    for (const [part, body, parts, total] of sends) {
      const res = await putPart(seller, streamId, takeId, part, body);
      assertEquals([res.status, (await res.json()).take], [200, { id: takeId, parts, bytes: total }]);
    }
    await expectError(await putPart(seller, streamId, takeId, 3, bytes("dddd")), 409, "part_missing");

    // Not played while live.
    const early = await new Client(app).request(`/replays/${streamId}/${takeId}`);
    assertEquals(early.status, 404);
    await early.body?.cancel();

    // The last pieces, sent in the minutes after the end (a slow uplink catching up), still count; later ones do not.
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    app.clock.advance(9 * 60_000);
    assertEquals((await putPart(seller, streamId, takeId, 2, bytes("cccc"))).status, 200);
    app.clock.advance(60_001);
    await expectError(await putPart(seller, streamId, takeId, 3, bytes("dddd")), 409, "stream_ended");

    const watcher = await viewer(app, streamId);
    const page = await (await watcher.request(`/watch/${streamId}`)).text();
    assertMatch(page, new RegExp(`<video[^>]* src="/replays/${streamId}/${takeId}"`));
    const whole = await watcher.request(`/replays/${streamId}/${takeId}`);
    assertEquals(
      ["content-type", "accept-ranges", "cache-control"].map((h) => whole.headers.get(h)),
      ["video/webm", "bytes", "no-store"],
      "not cached: parts may still arrive after the end",
    );
    assertEquals(
      new Uint8Array(await whole.arrayBuffer()),
      new Uint8Array([...firstPart("aaaa"), ...bytes("bbbbcccc")]),
    );
    const seek = await watcher.request(`/replays/${streamId}/${takeId}`, {
      headers: { range: "bytes=8-11" },
    });
    assertEquals([seek.status, seek.headers.get("content-range"), await seek.text()], [
      206,
      "bytes 8-11/16",
      "bbbb",
    ]);
    const head = await watcher.request(`/replays/${streamId}/${takeId}`, { method: "HEAD" });
    assertEquals([head.status, head.headers.get("content-length"), head.body], [200, "16", null]);
    assertEquals(await openFilesUnder(app.services.config.dataDir), [], "a HEAD leaves no file open");
    const past = await watcher.request(`/replays/${streamId}/${takeId}`, { headers: { range: "bytes=16-" } });
    assertEquals([past.status, past.headers.get("content-range")], [416, "bytes */16"]);
    await past.body?.cancel();
    const studio = await (await seller.request(`/studio/${streamId}`)).text();
    assert(studio.includes(`src="/replays/${streamId}/${takeId}"`), "the studio plays it too");
    // A data folder restored from a backup has no replays (backups leave them out): no player, not found.
    await Deno.remove(`${app.services.config.dataDir}/replays`, { recursive: true });
    assert(!(await (await watcher.request(`/watch/${streamId}`)).text()).includes("/replays/"), "no player");
    const gone = await watcher.request(`/replays/${streamId}/${takeId}`);
    assertEquals(gone.status, 404);
    await gone.body?.cancel();
  }));

Deno.test("parts sent side by side are written one at a time: the bytes played are the bytes counted", () =>
  withApp(async (app) => {
    const { seller, streamId, takeId } = await liveTake(app);
    // Ten first parts at once, each of its own length and letter.
    const bodies = Array.from(
      { length: 10 },
      (_, i) => firstPart(String.fromCharCode(97 + i).repeat(1_000 + 500 * i)),
    );
    const answers = await Promise.all(bodies.map((body) => putPart(seller, streamId, takeId, 0, body)));
    const counted = new Set<number>();
    for (const res of answers) {
      const body = await res.json();
      if (res.status === 429) assertEquals(body.error.code, "part_busy");
      else counted.add(body.take.bytes);
    }
    assertEquals(counted.size, 1, `every part counted answers the same take: ${[...counted]}`);
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    const played = new Uint8Array(
      await (await seller.request(`/replays/${streamId}/${takeId}`)).arrayBuffer(),
    );
    assertEquals(played, bodies.find((b) => b.length === [...counted][0]));
    // The one asked to wait sends it again: it is counted already, and nothing is written twice.
    const again = await putPart(seller, streamId, takeId, 0, bodies[0]!);
    assertEquals([again.status, (await again.json()).take.parts], [200, 1]);
    // A write lost with its process leaves its claim: a minute on, the part is taken again.
    const { kv } = app.services;
    assert((await claimPart(kv, streamId, takeId, 1, "a lost write", app.clock.now()))?.claimed);
    await expectError(await putPart(seller, streamId, takeId, 1, bytes("bbbb")), 429, "part_busy");
    app.clock.advance(60_000);
    assertEquals((await putPart(seller, streamId, takeId, 1, bytes("bbbb"))).status, 200);
  }));

Deno.test("going live says whether the stream is recorded, so a studio taking it over records on; the studio shows no replay before one is", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    assert(
      !(await (await seller.request(`/studio/${streamId}`)).text()).includes("replay-heading"),
      "a draft's studio",
    );
    assertEquals((await (await seller.post(`/api/streams/${streamId}/live`)).json()).recorded, false);
    assertEquals((await startTake(seller, streamId)).status, 201);
    // Another tab going live (taking the broadcast over) hears that the stream is recorded.
    assertEquals((await (await seller.post(`/api/streams/${streamId}/live`)).json()).recorded, true);
  }));

Deno.test("a take plays as recorded until it is complete, then with its length and cues; complete, it takes no more", () =>
  withApp(async (app) => {
    const { seller, streamId, takeId } = await liveTake(app);
    const recorded = recording(cluster(0, block(2, 0, true)), cluster(1_500, block(2, 0, true)));
    assertEquals((await putPart(seller, streamId, takeId, 0, recorded)).status, 200);
    const second = (await (await startTake(seller, streamId)).json()).take.id;
    assertEquals((await putPart(seller, streamId, second, 0, recorded)).status, 200);
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    const watcher = new Client(app);
    const size = async (take: string) => {
      const res = await watcher.request(`/replays/${streamId}/${take}`, { headers: { range: "bytes=0-0" } });
      await res.body?.cancel();
      return Number(res.headers.get("content-range")!.split("/")[1]);
    };
    assertEquals(await size(takeId), recorded.length, "as recorded: parts may still come");

    const done = await seller.post(`/api/streams/${streamId}/replay/${takeId}/complete`);
    assertEquals([done.status, (await done.json()).take.bytes], [200, recorded.length]);
    const seekable = await size(takeId);
    assert(seekable > recorded.length, `a head with its length and cues: ${seekable} bytes`);
    const whole = new Uint8Array(
      await (await watcher.request(`/replays/${streamId}/${takeId}`)).arrayBuffer(),
    );
    assertEquals(whole.length, seekable);
    assertEquals(
      whole.subarray(whole.length - recorded.length + HEADER.length),
      recorded.subarray(HEADER.length),
    );
    await expectError(await putPart(seller, streamId, takeId, 1, recorded), 409, "take_complete");
    assertEquals(
      (await putPart(seller, streamId, takeId, 0, recorded)).status,
      200,
      "a resent part is answered",
    );
    assertEquals((await seller.post(`/api/streams/${streamId}/replay/${takeId}/complete`)).status, 200);

    // A take the studio never said was complete is final once parts can no longer come.
    assertEquals(await size(second), recorded.length);
    app.clock.advance(10 * 60_000 + 1);
    assertEquals(await size(second), seekable);
    const stranger = new Client(app);
    await signUp(stranger, "other@example.com");
    const path = `/api/streams/${streamId}/replay/${second}/complete`;
    await expectError(await stranger.post(path), 403, "not_stream_owner");
    await expectError(
      await seller.post(`/api/streams/${streamId}/replay/nope/complete`),
      404,
      "take_not_found",
    );
    await expectError(await seller.post(path, { last: 3 }), 400, "invalid_input");
  }));

Deno.test("a take whose studio page was closed or reloaded while live plays with its length as soon as the stream ends", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId } = await sellerWithStream(app);
    assertEquals((await seller.post(`/api/streams/${streamId}/live`)).status, 200);
    const room = roomName(streamId);
    const recorded = recording(cluster(0, block(2, 0, true)), cluster(1_500, block(2, 0, true)));
    const studio = (page: string): Who => ({
      identity: `${sellerIdentity(sellerId)}~h${page}`,
      sid: `PA_${page}`,
    });
    /** A take recorded from `page`, its first part sent. */
    const take = async (page: Who) => {
      await broadcastFrom(seller, room, page);
      const res = await startTake(seller, streamId, { type: "video/webm", studio: page.identity });
      const id = (await res.json()).take.id as string;
      assertEquals((await putPart(seller, streamId, id, 0, recorded)).status, 200);
      return id;
    };
    const byItself = 1;
    const reloaded = studio("first");
    const reloadedTake = await take(reloaded);
    // The seller reloads the studio: LiveKit hears the page leave by itself.
    await deliver(seller, "participant_left", room, { ...reloaded, disconnectReason: byItself });
    // A page whose connection dropped records on while it rejoins; its parts may come later.
    const dropped = studio("second");
    const droppedTake = await take(dropped);
    await deliver(seller, "participant_left", room, dropped);
    const open = studio("third");
    const openTake = await take(open);
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    // Ended from the open page, which then leaves by itself, its last parts still on their way.
    await deliver(seller, "participant_left", room, { ...open, disconnectReason: byItself });

    const size = async (take: string) => {
      const res = await new Client(app).request(`/replays/${streamId}/${take}`, {
        headers: { range: "bytes=0-0" },
      });
      await res.body?.cancel();
      return Number(res.headers.get("content-range")!.split("/")[1]);
    };
    assert(await size(reloadedTake) > recorded.length, "the reloaded page's take has its length and cues");
    assertEquals(await size(droppedTake), recorded.length, "a dropped page's take may still grow");
    assertEquals(await size(openTake), recorded.length, "the open page's last parts may still come");
    assertEquals((await putPart(seller, streamId, openTake, 1, bytes("more"))).status, 200);
  }));

Deno.test("a crafted take is served as it was uploaded, reading it for a head stopped within budget; a real one seekable", () =>
  withApp(async (app) => {
    const { seller, streamId, takeId } = await liveTake(app);
    const real = recording(cluster(0, block(2, 0, true)), cluster(1_500, block(2, 0, true)));
    const files = [
      emptyElements(),
      // A recording's start, then 8 MB of the smallest blocks: over a million elements.
      recording(cluster(0, tinyBlocks(1_333_334))),
      real,
    ];
    const takes = [takeId];
    while (takes.length < files.length) {
      takes.push((await (await startTake(seller, streamId)).json()).take.id);
    }
    for (const [i, file] of files.entries()) {
      for (let part = 0; part * 2_000_000 < file.length; part++) {
        app.clock.advance(5_000); // sent no faster than the studio records
        const body = file.slice(part * 2_000_000, (part + 1) * 2_000_000);
        assertEquals((await putPart(seller, streamId, takes[i]!, part, body)).status, 200);
      }
      assertEquals((await seller.post(`/api/streams/${streamId}/replay/${takes[i]}/complete`)).status, 200);
    }
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    const watcher = new Client(app);
    const play = (take: string) =>
      watcher.request(`/replays/${streamId}/${take}`, { headers: { range: "bytes=0-10" } });
    for (const [i, file] of files.slice(0, 2).entries()) {
      const start = await play(takes[i]!);
      assertEquals([start.status, start.headers.get("content-range")], [206, `bytes 0-10/${file.length}`]);
      assertEquals(new Uint8Array(await start.arrayBuffer()), file.subarray(0, 11), "as uploaded");
    }
    const whole = await watcher.request(`/replays/${streamId}/${takes[0]}`);
    assertEquals(new Uint8Array(await whole.arrayBuffer()), files[0]);
    const seekable = await play(takes[2]!);
    await seekable.body?.cancel();
    const size = Number(seekable.headers.get("content-range")!.split("/")[1]);
    assert(size > real.length, `a real take with its length and cues: ${size} bytes`);
  }));

Deno.test("only the stream's seller records, only while it is live, and bad parts change nothing", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId } = await sellerWithStream(app);
    await expectError(await startTake(seller, streamId), 409, "stream_not_live");
    assertEquals((await seller.post(`/api/streams/${streamId}/live`)).status, 200);
    const watcher = await viewer(app, streamId);
    await expectError(await startTake(watcher, streamId), 401, "sign_in_required");
    const other = new Client(app);
    await signUp(other, "other@example.com", "Other shop");
    await expectError(await startTake(other, streamId), 403, "not_stream_owner");
    await expectError(await startTake(seller, streamId, { type: "text/html" }), 400, "invalid_input");
    await expectError(await startTake(seller, streamId, { type: "video/webm", x: 1 }), 400, "invalid_input");
    for (const studio of [`${sellerIdentity("someone-else")}~hx`, `${sellerIdentity(sellerId)}~vx`]) {
      await expectError(await startTake(seller, streamId, { type: "video/webm", studio }), 400, "not_studio");
    }

    const takeId = (await (await startTake(seller, streamId)).json()).take.id;
    await putPart(seller, streamId, takeId, 0, firstPart("good"));
    const fresh = (await (await startTake(seller, streamId)).json()).take.id;
    const stored = async () => ({
      kv: await kvSnapshot(app.services.kv),
      files: await filesUnder(app.services.config.dataDir),
    });
    const before = await stored();
    const cases: [string, () => Promise<Response>, number, string][] = [
      ["a viewer's part", () => putPart(watcher, streamId, takeId, 1, bytes("x")), 401, "sign_in_required"],
      [
        "another seller's part",
        () => putPart(other, streamId, takeId, 1, bytes("x")),
        403,
        "not_stream_owner",
      ],
      [
        "a part number that is not one",
        () => putPart(seller, streamId, takeId, "one", bytes("x")),
        400,
        "invalid_input",
      ],
      [
        "a part number in other words",
        () => putPart(seller, streamId, takeId, "1e3", bytes("x")),
        400,
        "invalid_input",
      ],
      [
        "a part number with a leading zero",
        () => putPart(seller, streamId, takeId, "01", bytes("x")),
        400,
        "invalid_input",
      ],
      ["an empty part", () => putPart(seller, streamId, takeId, 1, new Uint8Array()), 400, "empty_part"],
      [
        "a part of no such take",
        () => putPart(seller, streamId, "nosuchtake", 0, firstPart("x")),
        404,
        "take_not_found",
      ],
      [
        "a part past the body limit",
        () => putPart(seller, streamId, takeId, 1, new Uint8Array(2_000_001)),
        413,
        "payload_too_large",
      ],
      [
        "a first part that is not video",
        () => putPart(seller, streamId, fresh, 0, bytes("<html>")),
        415,
        "not_video",
      ],
      ["a part out of order", () => putPart(seller, streamId, takeId, 2, bytes("x")), 409, "part_missing"],
      [
        "more than a camera records in the time (2 MB at once)",
        () => putPart(seller, streamId, takeId, 1, new Uint8Array(2_000_000)),
        429,
        "replay_too_fast",
      ],
      [
        "as much again in another take (the stream's takes share one allowance)",
        () => {
          const big = new Uint8Array(2_000_000);
          big.set(EBML);
          return putPart(seller, streamId, fresh, 0, big);
        },
        429,
        "replay_too_fast",
      ],
    ];
    for (const [what, send, status, code] of cases) {
      await expectError(await send(), status, code).catch((e) => {
        throw new Error(`${what}: ${e.message}`);
      });
    }
    assertEquals(await stored(), before, "nothing stored changed");
    app.clock.advance(1_000);
    assertEquals(
      (await putPart(seller, streamId, takeId, 1, new Uint8Array(2_000_000))).status,
      200,
      "a second later it fits",
    );
    const empty = await new Client(app).request(`/replays/${streamId}/${fresh}`);
    assertEquals(empty.status, 404, "a take with nothing in it is not played");
    await empty.body?.cancel();
  }));

Deno.test("a seller's replays stop at their quota, and are removed once their days are up", async () => {
  const app = await testApp({ MAX_REPLAY_MB_PER_SELLER: "1", REPLAY_DAYS: "30" });
  try {
    const { seller, streamId, takeId } = await liveTake(app);
    const piece = new Uint8Array(400_000);
    piece.set(EBML);
    assertEquals((await putPart(seller, streamId, takeId, 0, piece)).status, 200);
    assertEquals((await putPart(seller, streamId, takeId, 1, piece)).status, 200);
    const message = await expectError(await putPart(seller, streamId, takeId, 2, piece), 413, "replay_full");
    assertMatch(message, /all the room you have \(1 MB\)/);
    assertEquals((await filesUnder(app.services.config.dataDir)).length, 1);
    await seller.post(`/api/streams/${streamId}/end`);
    await seller.post(`/api/streams/${streamId}/replay/${takeId}/complete`);
    const played = await new Client(app).request(`/replays/${streamId}/${takeId}`);
    assertEquals([played.status, (await played.arrayBuffer()).byteLength], [200, 800_000]);
    assertEquals(
      (await filesUnder(app.services.config.dataDir)).length,
      2,
      "the take, and what playing it learnt",
    );

    app.clock.advance(30 * 24 * 60 * 60_000 + 1);
    await sweepReplays(app.services);
    assertEquals(await filesUnder(app.services.config.dataDir), [], "the files are gone");
    assertEquals((await new Client(app).request(`/replays/${streamId}/${takeId}`)).status, 404);
    // Its room is given back: the seller (signed in again, a month later) records again.
    await seller.post("/api/auth/signin", {
      email: "seller@example.com",
      password: "a long enough password",
    });
    const next = await createStream(seller, "Autumn drop");
    await seller.post(`/api/streams/${next}/live`);
    const again = (await (await startTake(seller, next)).json()).take.id;
    assertEquals((await putPart(seller, next, again, 0, piece)).status, 200);
  } finally {
    await app.close();
    await Deno.remove(app.services.config.dataDir, { recursive: true });
  }
});

Deno.test("anyone gets an ended stream's takes with the bytes of each (the studio's sum), none before the end", () =>
  withApp(async (app) => {
    const { seller, streamId, takeId } = await liveTake(app);
    const replay = async (client: Client) =>
      await (await client.request(`/api/streams/${streamId}/replay`)).json();
    const sizes = ({ takes }: { takes: { id: string; bytes: number }[] }) =>
      takes.map((t) => [t.id, t.bytes]);
    await putPart(seller, streamId, takeId, 0, firstPart("aaaa"));
    assertEquals(await replay(seller), { takes: [], saving: false }, "none before the end");
    const second = (await (await startTake(seller, streamId)).json()).take.id;
    await putPart(seller, streamId, second, 0, firstPart("bbbbbbbb"));
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    for (const asker of [seller, await viewer(app, streamId), new Client(app)]) {
      assertEquals(sizes(await replay(asker)), [[takeId, 8], [second, 12]]);
    }
    await expectError(await seller.request("/api/streams/nope/replay"), 404, "stream_not_found");
  }));

Deno.test("viewers are told the replay is still saving while the studio sends its last parts, for a minute at most", () =>
  withApp(async (app) => {
    const { seller, streamId, takeId } = await liveTake(app);
    const saving = async () =>
      (await (await new Client(app).request(`/api/streams/${streamId}/replay`)).json()).saving;
    await putPart(seller, streamId, takeId, 0, firstPart("aaaa"));
    // A take its studio left (closed while recording) 20 s ago: nothing more will come of it.
    app.clock.advance(20_000);
    const last = (await (await startTake(seller, streamId)).json()).take.id;
    await putPart(seller, streamId, last, 0, firstPart("bbbb"));
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    // The watch page's player waits for them (and asks again) rather than play a part of it.
    const shown = async () =>
      (await (await new Client(app).request(`/watch/${streamId}`)).text()).includes("replay-heading");
    assert(await saving(), "the last take's parts are on their way");
    assertEquals(await shown(), false);
    const complete = `/api/streams/${streamId}/replay/${last}/complete`;
    assertEquals((await seller.post(complete)).status, 200);
    assertEquals(await saving(), false, "all sent: the left take is not waited for");
    app.clock.advance(1_001);
    assert(await shown(), "the page shows it");

    // A studio that never says it is done is waited for a minute after the end at most.
    const next = await createStream(seller, "Autumn drop");
    assertEquals((await seller.post(`/api/streams/${next}/live`)).status, 200);
    const take = (await (await startTake(seller, next)).json()).take.id;
    await putPart(seller, next, take, 0, firstPart("cccc"));
    assertEquals((await seller.post(`/api/streams/${next}/end`)).status, 200);
    const stillSaving = async () =>
      (await (await new Client(app).request(`/api/streams/${next}/replay`)).json()).saving;
    app.clock.advance(10_000);
    await putPart(seller, next, take, 1, bytes("dddd"));
    app.clock.advance(10_000);
    assert(await stillSaving(), "heard from 10 s ago");
    app.clock.advance(40_001);
    assertEquals(await stillSaving(), false);
  }));
