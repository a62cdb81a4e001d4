// The spine, end to end with real parts: a seller signs up, creates a stream and goes
// live from Chromium's fake camera; two viewers decode its video and receive its audio
// through a real livekit-server; a viewer cannot publish; ending reaches everyone.
import type { BrowserContext, Page } from "playwright-core";
import { RoomServiceClient } from "livekit-server-sdk";
import { assert, assertEquals } from "../assert.ts";
import { launchBrowser, waitForInbound, withRtcStats } from "./harness/browser.ts";
import { installLivekitClient } from "./harness/livekit_client.ts";
import { startStack } from "./harness/stack.ts";

const UI_TIMEOUT = 30_000;

async function signUpAndCreateStream(
  page: Page,
  appUrl: string,
): Promise<{ studioUrl: string; watchUrl: string }> {
  await page.goto(`${appUrl}/signup`);
  await page.fill("input[name=name]", "Linen & Co");
  await page.fill("input[name=email]", "seller@example.com");
  await page.fill("input[name=password]", "a long enough password");
  await page.click("form.form button[type=submit]");
  await page.waitForURL(`${appUrl}/studio`);
  await page.fill("input[name=title]", "Spring linen drop");
  await page.fill("textarea[name=description]", "Shirts, live.");
  await page.click("form.form button[type=submit]");
  await page.waitForURL(/\/studio\/[\w-]+$/);
  const watchUrl = await page.getAttribute(".share a", "href");
  assert(watchUrl, "the studio shows a watch link");
  return { studioUrl: page.url(), watchUrl };
}

async function openViewer(
  context: BrowserContext,
  watchUrl: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(watchUrl);
  return page;
}

Deno.test({
  name: "a seller's camera reaches two viewers through LiveKit, and ending the stream reaches them too",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const stack = await startStack();
    const browser = await launchBrowser();
    try {
      const seller = await (await browser.newContext()).newPage();
      const { watchUrl } = await signUpAndCreateStream(seller, stack.appUrl);
      const streamId = watchUrl.split("/").at(-1)!;

      const waiting = await openViewer(
        await withRtcStats(await browser.newContext()),
        watchUrl,
      );
      await t.step(
        "a viewer who arrives before the seller sees a waiting state",
        async () => {
          await waiting.waitForSelector(".player[data-phase=waiting]", {
            timeout: UI_TIMEOUT,
          });
          assert((await waiting.textContent(".player"))?.includes("offline"));
        },
      );

      await t.step("the seller goes live from the studio", async () => {
        await seller.waitForSelector("button:has-text('Go live')", {
          timeout: UI_TIMEOUT,
        });
        await seller.click("button:has-text('Go live')");
        await seller.waitForSelector(".studio[data-phase=live]", {
          timeout: UI_TIMEOUT,
        });
      });

      const late = await openViewer(
        await withRtcStats(await browser.newContext()),
        watchUrl,
      );
      for (
        const [who, viewer] of [["waiting viewer", waiting], [
          "late viewer",
          late,
        ]] as const
      ) {
        await t.step(
          `the ${who} decodes video frames and receives audio`,
          async () => {
            await viewer.waitForSelector(".player[data-phase=playing]", {
              timeout: UI_TIMEOUT,
            });
            const first = await waitForInbound(
              viewer,
              (s) => s.framesDecoded > 0 && s.audioSamples > 0,
              UI_TIMEOUT,
            );
            const later = await waitForInbound(
              viewer,
              (s) =>
                s.framesDecoded > first.framesDecoded + 15 &&
                s.audioSamples > first.audioSamples,
              UI_TIMEOUT,
            );
            assert(later.audioBytes > 0, "audio bytes arrive");
          },
        );
      }

      await t.step(
        "a viewer that tries to publish a camera with its own token is refused",
        async () => {
          const mallory = await (await browser.newContext({ bypassCSP: true }))
            .newPage();
          await mallory.goto(watchUrl);
          await installLivekitClient(mallory);
          const outcome = await mallory.evaluate(async (id) => {
            const LK = (globalThis as unknown as { LK: typeof import("livekit-client") })
              .LK;
            const res = await fetch(`/api/streams/${id}/token`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ identity: "mallory-as-seller" }),
            });
            const { serverUrl, token } = await res.json();
            const room = new LK.Room();
            await room.connect(serverUrl, token);
            const identity = room.localParticipant.identity;
            try {
              await room.localParticipant.setCameraEnabled(true);
              return {
                identity,
                published: room.localParticipant.videoTrackPublications.size > 0,
                error: "",
              };
            } catch (error) {
              return { identity, published: false, error: String(error) };
            }
          }, streamId);
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
          const participants = await rooms.listParticipants(
            `stream-${streamId}`,
          );
          const intruder = participants.find((p) => p.identity === outcome.identity);
          assert(intruder, "the viewer is in the room");
          assertEquals(intruder.tracks.length, 0);
          assertEquals(intruder.permission?.canPublish, false);
          await mallory.context().close();
        },
      );

      await t.step(
        "after the seller ends the stream, viewers show it ended",
        async () => {
          await seller.click("button:has-text('End stream')");
          await seller.click("button:has-text('Yes, end it')");
          await seller.waitForSelector(".studio[data-phase=ended]", {
            timeout: UI_TIMEOUT,
          });
          for (const viewer of [waiting, late]) {
            await viewer.waitForSelector(".player[data-phase=ended]", {
              timeout: UI_TIMEOUT,
            });
          }
          await late.reload();
          await late.waitForSelector(".player[data-phase=ended]", {
            timeout: UI_TIMEOUT,
          });
        },
      );
    } finally {
      await browser.close();
      await stack.stop();
    }
  },
});
