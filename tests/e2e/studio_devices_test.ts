// The studio without a camera or microphone it can use: each of the browser's refusals is
// told in its own words where Go live would be, controls with nothing behind them are
// disabled, Try again asks again without a reload (the focus on what comes next), and a
// seller whose camera is missing, blocked or busy goes live with their microphone, heard
// by viewers, then adds the camera on air.
import type { Page } from "playwright-core";
import { assertEquals } from "@/tests/assert.ts";
import { createStreamAsSeller, liveTest, openViewer, UI_TIMEOUT } from "./live_flow.ts";

/**
 * getUserMedia refuses what localStorage's "refuse" says: `{ all: name }` every request,
 * `{ video: name }` those asking for a camera (a computer without one).
 */
const REFUSING = () => {
  const media = navigator.mediaDevices;
  const real = media.getUserMedia.bind(media);
  media.getUserMedia = (constraints) => {
    const refuse = JSON.parse(localStorage.getItem("refuse") ?? "{}");
    const name = refuse.all ?? (constraints?.video ? refuse.video : undefined);
    return name ? Promise.reject(new DOMException("refused", name)) : real(constraints);
  };
};

async function refusing(studio: Page, refuse: Record<string, string> | null) {
  await studio.evaluate((refuse) => {
    if (refuse) localStorage.setItem("refuse", JSON.stringify(refuse));
    else localStorage.removeItem("refuse");
  }, refuse);
}

/** Reloads the studio with getUserMedia refusing as `refuse` says; waits until it says `words`. */
async function saysOnReload(studio: Page, refuse: Record<string, string>, words: string) {
  await refusing(studio, refuse);
  await studio.reload();
  await studio.getByRole("alert").filter({ hasText: words }).waitFor({ timeout: UI_TIMEOUT });
}

const button = (studio: Page, name: string) => studio.getByRole("button", { name, exact: true });
const focused = (studio: Page) => studio.evaluate(() => document.activeElement?.textContent);

liveTest("a studio without camera or microphone says why, and goes live with what there is", async (t, {
  stack,
  browser,
}) => {
  const context = await browser.newContext();
  await context.addInitScript(REFUSING);
  const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl, { context });
  await button(studio, "Go live").waitFor({ timeout: UI_TIMEOUT });

  const WORDS: [string, string][] = [
    ["NotAllowedError", "Your browser doesn't let Showfloor use your camera and microphone."],
    ["NotFoundError", "No camera or microphone was found. Connect one, then press Try again."],
    ["NotReadableError", "Your camera or microphone is in use by another app."],
  ];
  for (const [name, words] of WORDS) {
    await t.step(`${name}: said in its own words, No microphone and No camera disabled`, async () => {
      await saysOnReload(studio, { all: name }, words);
      assertEquals(await button(studio, "🎙️ No microphone").isDisabled(), true);
      assertEquals(await button(studio, "📷 No camera").isDisabled(), true);
      assertEquals(await button(studio, "Go live").count(), 0);
      assertEquals(await studio.getByLabel("Camera", { exact: true }).count(), 0);
      assertEquals(await studio.getByLabel("Microphone", { exact: true }).count(), 0);
    });
  }

  await t.step("Try again refused again: the focus stays on Try again", async () => {
    await button(studio, "Try again").focus();
    await studio.keyboard.press("Enter");
    await studio.waitForTimeout(1_000);
    assertEquals(await focused(studio), "Try again");
  });

  await t.step(
    "access allowed: Try again brings the camera back without a reload, Go live focused",
    async () => {
      await refusing(studio, null);
      await studio.keyboard.press("Enter");
      await button(studio, "Go live").waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await focused(studio), "Go live");
      assertEquals(await button(studio, "🎙️ Mute").isEnabled(), true);
      assertEquals(await button(studio, "📷 Camera off").isEnabled(), true);
      assertEquals(await studio.getByRole("alert").count(), 0);
    },
  );

  const NO_CAMERA: [string, string][] = [
    [
      "NotAllowedError",
      "Your browser doesn't let Showfloor use your camera: viewers will hear you without a picture.",
    ],
    ["NotReadableError", "Your camera is in use by another app: viewers will hear you without a picture."],
    [
      "NotFoundError",
      "No camera was found: viewers will hear you without a picture. Connect one, then press Try again.",
    ],
  ];
  for (const [name, words] of NO_CAMERA) {
    await t.step(`camera alone refused (${name}): said, and the microphone can go live`, async () => {
      await saysOnReload(studio, { video: name }, words);
      assertEquals(await button(studio, "📷 No camera").isDisabled(), true);
      assertEquals(await button(studio, "🎙️ Mute").isEnabled(), true);
      assertEquals(await button(studio, "Go live").count(), 1);
      assertEquals(await button(studio, "Try again").count(), 1);
    });
  }

  await t.step("the microphone alone goes live, the stage saying there is sound only", async () => {
    await studio.getByText("Sound only").waitFor({ timeout: UI_TIMEOUT });
    await button(studio, "Go live").click();
    await studio.waitForSelector(".studio[data-phase=live]", { timeout: UI_TIMEOUT });
    await studio.getByText("● Live").waitFor({ timeout: UI_TIMEOUT });
  });

  let viewer: Page;
  await t.step("its viewer: live, the sound playing, and the picture said to be off", async () => {
    viewer = await openViewer(browser, watchUrl);
    await viewer.getByText("● Live").waitFor({ timeout: UI_TIMEOUT });
    await viewer.getByRole("status").filter({ hasText: "The seller's camera is off." })
      .waitFor({ timeout: UI_TIMEOUT });
    await viewer.waitForFunction(
      () => {
        const sound = document.querySelector<HTMLAudioElement>(".player audio");
        return !!sound?.srcObject && !sound.paused;
      },
      null,
      { timeout: UI_TIMEOUT },
    );
    assertEquals(await viewer.getByText("The video starts in a moment…").count(), 0);
  });

  await t.step(
    "on air, Try again adds the camera: its viewer sees the picture, without a reload",
    async () => {
      await studio.getByRole("alert").filter({ hasText: "No camera was found" }).waitFor({
        timeout: UI_TIMEOUT,
      });
      await refusing(studio, null);
      await button(studio, "Try again").click();
      await button(studio, "📷 Camera off").and(studio.locator(":focus")).waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await studio.getByText("Sound only").count(), 0);
      assertEquals(await studio.getByRole("alert").count(), 0);
      await viewer.getByText("The seller's camera is off.").waitFor({
        state: "detached",
        timeout: UI_TIMEOUT,
      });
      await viewer.waitForFunction(
        () =>
          (document.querySelector<HTMLVideoElement>("video.main-video")?.getVideoPlaybackQuality()
            .totalVideoFrames ?? 0) > 0,
        null,
        { timeout: UI_TIMEOUT },
      );
    },
  );
});
