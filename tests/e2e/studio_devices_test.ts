// The studio without a camera or microphone it can use: each of the browser's refusals is
// told in its own words where Go live would be, controls with nothing behind them are
// disabled, Try again asks again without a reload, and a seller with a microphone alone
// goes live with it, heard by viewers.
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

const button = (studio: Page, name: string) => studio.getByRole("button", { name, exact: true });

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
    await t.step(`${name}: said in its own words, Mute and Camera off disabled`, async () => {
      await refusing(studio, { all: name });
      await studio.reload();
      await studio.getByRole("alert").filter({ hasText: words }).waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await button(studio, "🎙️ Mute").isDisabled(), true);
      assertEquals(await button(studio, "📷 Camera off").isDisabled(), true);
      assertEquals(await button(studio, "Go live").count(), 0);
      assertEquals(await studio.getByLabel("Camera", { exact: true }).count(), 0);
      assertEquals(await studio.getByLabel("Microphone", { exact: true }).count(), 0);
    });
  }

  await t.step("access allowed: Try again brings the camera back without a reload", async () => {
    await refusing(studio, null);
    await button(studio, "Try again").click();
    await button(studio, "Go live").waitFor({ timeout: UI_TIMEOUT });
    assertEquals(await button(studio, "🎙️ Mute").isEnabled(), true);
    assertEquals(await button(studio, "📷 Camera off").isEnabled(), true);
    assertEquals(await studio.getByRole("alert").count(), 0);
  });

  await t.step("no camera: the microphone alone goes live, and the camera's place says so", async () => {
    await refusing(studio, { video: "NotFoundError" });
    await studio.reload();
    await studio.getByText("No camera found: viewers will hear you, without a picture")
      .waitFor({ timeout: UI_TIMEOUT });
    assertEquals(await button(studio, "📷 Camera off").isDisabled(), true);
    assertEquals(await button(studio, "🎙️ Mute").isEnabled(), true);
    await button(studio, "Go live").click();
    await studio.waitForSelector(".studio[data-phase=live]", { timeout: UI_TIMEOUT });
    await studio.getByText("● Live").waitFor({ timeout: UI_TIMEOUT });
  });

  await t.step("its viewer: live, the sound playing, and the picture said to be off", async () => {
    const viewer = await openViewer(browser, watchUrl);
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
});
