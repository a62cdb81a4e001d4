// The seller's live controls and the viewer's player controls, with real media.
import type { Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import { waitForInbound } from "@/tests/e2e/harness/browser.ts";
import {
  api,
  createProduct,
  createStreamAsSeller,
  goLive,
  liveTest,
  openViewer,
  UI_TIMEOUT,
} from "./live_flow.ts";

/** The height of the video frames the page is decoding right now. */
function frameHeight(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let height = 0;
    for (const pc of (globalThis as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      (await pc.getStats()).forEach((s) => {
        if (s.type === "inbound-rtp" && s.kind === "video" && s.frameHeight) {
          height = Math.max(height, s.frameHeight);
        }
      });
    }
    return height;
  });
}

/** Polls the decoded frame height until `ok` holds; throws with the last height after UI_TIMEOUT. */
async function waitForHeight(page: Page, ok: (height: number) => boolean): Promise<number> {
  const deadline = Date.now() + UI_TIMEOUT;
  let height = await frameHeight(page);
  while (!ok(height)) {
    if (Date.now() > deadline) throw new Error(`frame height stayed at ${height}`);
    await new Promise((r) => setTimeout(r, 250));
    height = await frameHeight(page);
  }
  return height;
}

liveTest(
  "the seller's mute, camera and screen-share controls reach viewers, and viewers control quality",
  async (t, { stack, browser }) => {
    const { studio, streamId, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    await goLive(studio);
    const viewer = await openViewer(browser, watchUrl);
    await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });

    await t.step("the viewer sees that the stream is live, on the playing video", async () => {
      await viewer.getByText("● Live").waitFor({ timeout: UI_TIMEOUT });
    });

    await t.step(
      "End stream asks first, with the focus on the safe answer; Escape keeps streaming",
      async () => {
        const focusOn = (name: string) =>
          studio.waitForFunction((name) => document.activeElement?.textContent === name, name, {
            timeout: UI_TIMEOUT,
          });
        await studio.getByRole("button", { name: "End stream" }).click();
        await focusOn("Keep streaming");
        await studio.keyboard.press("Escape");
        await focusOn("End stream");
        await studio.waitForSelector(".studio[data-phase=live]");
      },
    );

    await t.step("choosing low quality makes the viewer receive the smallest layer", async () => {
      // Auto: adaptive stream picks the layer that fits the player, above the smallest.
      const high = await waitForHeight(viewer, (h) => h > 180);
      await viewer.selectOption("select.quality", "low");
      const low = await waitForHeight(viewer, (h) => h > 0 && h <= 180);
      assert(high > low, `auto quality (${high}) is above low (${low})`);
      await viewer.selectOption("select.quality", "auto");
    });

    await t.step("the seller sees how LiveKit rates their connection", async () => {
      await studio.waitForSelector(".connection-quality:not([data-quality=unknown])", {
        timeout: UI_TIMEOUT,
      });
    });

    await t.step("muting the microphone shows on the viewer, and unmuting clears it", async () => {
      await studio.click("button.toggle-mic");
      // Said to a screen reader too, as the camera's is.
      await viewer.getByRole("status").filter({ hasText: "Seller's mic is off" }).waitFor({
        timeout: UI_TIMEOUT,
      });
      await studio.click("button.toggle-mic");
      await viewer.waitForSelector(".mic-muted", { state: "detached", timeout: UI_TIMEOUT });
    });

    await t.step(
      "switching to another microphone while live takes, and the viewer keeps playing",
      async () => {
        const microphone = studio.getByLabel("Microphone");
        await microphone.selectOption({ label: "Fake Audio Input 1" });
        // The list shows the device the microphone is capturing from, once the page draws it again.
        await studio.getByRole("button", { name: "🎙️ Mute" }).click();
        await studio.getByRole("button", { name: "🔇 Unmute" }).click();
        await studio.waitForFunction(
          () =>
            [...document.querySelectorAll("select")].some((s) =>
              s.selectedOptions[0]?.textContent === "Fake Audio Input 1"
            ),
          undefined,
          { timeout: UI_TIMEOUT },
        );
        assertEquals(await studio.getByRole("alert").filter({ hasText: "could not be switched" }).count(), 0);
        await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
      },
    );

    await t.step("turning the camera off shows on the viewer, and back on plays again", async () => {
      await studio.click("button.toggle-camera");
      await viewer.waitForSelector(".banner-camera-off", { timeout: UI_TIMEOUT });
      await studio.click("button.toggle-camera");
      await viewer.waitForSelector(".banner-camera-off", { state: "detached", timeout: UI_TIMEOUT });
      const before = await waitForInbound(viewer, (s) => s.framesDecoded > 0);
      await waitForInbound(viewer, (s) => s.framesDecoded > before.framesDecoded + 10, UI_TIMEOUT);
    });

    await t.step("a screen share becomes the main picture with the camera beside it", async () => {
      await studio.click("button.toggle-share");
      await studio.getByRole("button", { name: "Stop sharing" }).waitFor({ timeout: UI_TIMEOUT }).catch(
        async (e) => {
          throw new Error(`${e}\nstudio says: ${await studio.textContent(".studio")}`);
        },
      );
      await viewer.waitForSelector(".pip-video:not([hidden])", { timeout: UI_TIMEOUT });
      await studio.click("button.toggle-share");
      await viewer.waitForSelector(".pip-video[hidden]", { state: "attached", timeout: UI_TIMEOUT });
    });

    await t.step("fullscreen puts the video stage in fullscreen", async () => {
      await viewer.click("button.fullscreen");
      await viewer.waitForFunction(() => document.fullscreenElement?.classList.contains("stage"));
      await viewer.evaluate(() => document.exitFullscreen());
    });

    await t.step("after LiveKit restarts, the seller and the viewer recover without a reload", async () => {
      await viewer.evaluate(() =>
        (globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true
      );
      const productId = await createProduct(studio);
      await stack.livekit.restart();
      await viewer.waitForSelector(".player[data-phase=reconnecting]", { timeout: UI_TIMEOUT });
      // Changed while the viewer is away: the room's message cannot reach it, its refetch must.
      await api(studio, "PUT", `/api/streams/${streamId}/pins`, { productIds: [productId] });
      await api(studio, "PUT", `/api/streams/${streamId}/highlight`, { productId });
      await studio.waitForSelector(".studio[data-phase=live]", { timeout: 90_000 });
      await viewer.waitForSelector(".player[data-phase=playing]", { timeout: 90_000 });
      const before = await waitForInbound(viewer, (s) => s.framesDecoded > 0);
      await waitForInbound(viewer, (s) => s.framesDecoded > before.framesDecoded + 10, UI_TIMEOUT);
      await viewer.waitForSelector(`.highlight-card[data-product-id="${productId}"]`, {
        timeout: UI_TIMEOUT,
      });
      await viewer.waitForSelector(`.tray-item[data-product-id="${productId}"]`, { timeout: UI_TIMEOUT });
      assert(
        await viewer.evaluate(() => (globalThis as unknown as { __sameDocument: boolean }).__sameDocument),
      );
    });

    await t.step(
      "offline, the viewer reads 'Can't reach Showfloor' and the player 'Reconnecting…', both gone once back; the studio says it is offline",
      async () => {
        const cut = viewer.getByRole("alert").filter({ hasText: "Can't reach Showfloor" });
        const lost = viewer.getByRole("status").filter({ hasText: "Connection lost. Reconnecting…" });
        await viewer.context().setOffline(true);
        // The player says it at once, untouched (LiveKit alone would notice in about 15 s).
        await lost.waitFor({ timeout: 3_000 });
        await viewer.locator("button.like-button").click();
        await cut.waitFor({ timeout: UI_TIMEOUT });
        await viewer.context().setOffline(false);
        await cut.waitFor({ state: "detached", timeout: UI_TIMEOUT });
        await lost.waitFor({ state: "detached", timeout: UI_TIMEOUT });
        await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
        // The studio says it at once, and stops claiming a connection it cannot know.
        const offline = studio.getByRole("alert").filter({ hasText: "You're offline" });
        await studio.context().setOffline(true);
        await offline.waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await studio.locator(".connection-quality").count(), 0);
        await studio.context().setOffline(false);
        await offline.waitFor({ state: "detached", timeout: UI_TIMEOUT });
      },
    );

    await t.step(
      "a refusal to like too fast says how long to wait, and goes once the wait is over",
      async () => {
        const like = "**/api/streams/*/like";
        await viewer.route(like, (route) =>
          route.fulfill({
            status: 429,
            headers: { "retry-after": "2" },
            json: {
              error: {
                code: "rate_limited",
                message: "You're liking and unliking too fast. Wait a moment and try again.",
              },
            },
          }));
        const refused = viewer.getByRole("alert").filter({ hasText: "Try again in 2 s." });
        await viewer.locator("button.like-button").click();
        await refused.waitFor({ timeout: UI_TIMEOUT });
        await viewer.unroute(like);
        await refused.waitFor({ state: "detached", timeout: 5_000 });
      },
    );
  },
);
