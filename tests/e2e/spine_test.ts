// The spine, end to end with real parts: a seller signs up, creates a stream and goes
// live from Chromium's fake camera; two viewers decode its video and receive its audio
// through a real livekit-server; a viewer cannot publish; ending reaches everyone.
import { RoomServiceClient } from "livekit-server-sdk";
import { roomName } from "@/lib/livekit/names.ts";
import { assert, assertEquals } from "@/tests/assert.ts";
import { waitForInbound } from "@/tests/e2e/harness/browser.ts";
import { installLivekitClient } from "@/tests/e2e/harness/livekit_client.ts";
import { createStreamAsSeller, goLive, liveTest, openViewer, UI_TIMEOUT } from "./live_flow.ts";

liveTest(
  "a seller's camera reaches two viewers through LiveKit, and ending the stream reaches them too",
  async (t, { stack, browser }) => {
    const { studio, watchUrl, streamId } = await createStreamAsSeller(browser, stack.appUrl);

    const waiting = await openViewer(browser, watchUrl);
    await t.step("a viewer who arrives before the seller sees a waiting state", async () => {
      await waiting.waitForSelector(".player[data-phase=waiting]", { timeout: UI_TIMEOUT });
      assert((await waiting.textContent(".player"))?.includes("offline"));
    });

    await t.step("the seller goes live from the studio", () => goLive(studio));

    const late = await openViewer(browser, watchUrl);
    for (const [who, viewer] of [["waiting viewer", waiting], ["late viewer", late]] as const) {
      await t.step(`the ${who} decodes video frames and receives audio`, async () => {
        await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
        const first = await waitForInbound(
          viewer,
          (s) => s.framesDecoded > 0 && s.audioSamples > 0,
          UI_TIMEOUT,
        );
        const later = await waitForInbound(
          viewer,
          (s) => s.framesDecoded > first.framesDecoded + 15 && s.audioSamples > first.audioSamples,
          UI_TIMEOUT,
        );
        assert(later.audioBytes > 0, "audio bytes arrive");
      });
    }

    await t.step("a viewer that tries to publish a camera with its own token is refused", async () => {
      const mallory = await (await browser.newContext({ bypassCSP: true })).newPage();
      await mallory.goto(watchUrl);
      await installLivekitClient(mallory);
      const outcome = await mallory.evaluate(async (id) => {
        const LK = (globalThis as unknown as { LK: typeof import("livekit-client") }).LK;
        const ask = (body: unknown) =>
          fetch(`/api/streams/${id}/token`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          });
        const forged = (await ask({ identity: "mallory-as-seller" })).status;
        const asHost = (await ask({ as: "host" })).status;
        const { serverUrl, token } = await (await ask({})).json();
        const room = new LK.Room();
        await room.connect(serverUrl, token);
        const identity = room.localParticipant.identity;
        try {
          await room.localParticipant.setCameraEnabled(true);
          return {
            forged,
            asHost,
            identity,
            published: room.localParticipant.videoTrackPublications.size > 0,
            error: "",
          };
        } catch (error) {
          return { forged, asHost, identity, published: false, error: String(error) };
        }
      }, streamId);
      assertEquals([outcome.forged, outcome.asHost], [400, 403], "no identity or rights from the body");
      assert(
        outcome.identity.startsWith("guest-"),
        `the server assigns the identity (got ${outcome.identity})`,
      );
      assertEquals(outcome.published, false);
      assert(outcome.error.length > 0, "the publish attempt fails");
      // The server's own record: the would-be publisher has no tracks in the room.
      const rooms = new RoomServiceClient(
        stack.livekit.httpUrl,
        stack.livekit.apiKey,
        stack.livekit.apiSecret,
      );
      const participants = await rooms.listParticipants(roomName(streamId));
      const intruder = participants.find((p) => p.identity === outcome.identity);
      assert(intruder, "the viewer is in the room");
      assertEquals(intruder.tracks.length, 0);
      assertEquals(intruder.permission?.canPublish, false);
      await mallory.context().close();
    });

    await t.step("after the seller ends the stream, viewers show it ended", async () => {
      await studio.click("button:has-text('End stream')");
      await studio.click("button:has-text('Yes, end it')");
      await studio.waitForSelector(".studio[data-phase=ended]", { timeout: UI_TIMEOUT });
      for (const viewer of [waiting, late]) {
        await viewer.waitForSelector(".player[data-phase=ended]", { timeout: UI_TIMEOUT });
      }
      await late.reload();
      await late.waitForSelector(".player[data-phase=ended]", { timeout: UI_TIMEOUT });
    });
  },
);
