// The replay with real parts: the studio records the seller's camera and microphone while
// live (Chromium's MediaRecorder on the fake camera), sends it to the app in parts, starts
// a new take when the camera restarts, and once the stream has ended a viewer plays it
// back on the watch page, frames decoded.
import type { Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import { createStreamAsSeller, goLive, liveTest, openViewer, UI_TIMEOUT } from "./live_flow.ts";

/** The megabytes the studio's replay line shows saved, once its state says `pattern`. */
async function savedMegabytes(studio: Page, pattern: RegExp): Promise<number> {
  const line = studio.locator(".replay-status").filter({ hasText: pattern });
  await line.waitFor({ timeout: UI_TIMEOUT });
  return Number((await line.textContent())!.match(/([\d.]+) MB/)![1]);
}

/** Waits until the studio says it is recording with more than `mb` megabytes saved. */
async function savedPast(studio: Page, mb: number): Promise<void> {
  await studio.waitForFunction(
    (mb) => {
      const line = document.querySelector(".replay-status");
      return line?.textContent?.includes("Recording the replay") &&
        Number(line.textContent.match(/([\d.]+) MB/)?.[1]) > mb;
    },
    mb,
    { timeout: UI_TIMEOUT },
  );
}

/**
 * The ended studio: "Stream ended" said, no black box left where the camera's preview was,
 * and the replay's three takes played there, each named, once.
 */
async function endedStudioPlaysReplay(studio: Page): Promise<void> {
  const takes = studio.getByLabel(/^Replay, part [123] of 3$/);
  await takes.first().waitFor({ timeout: UI_TIMEOUT });
  assertEquals(await takes.count(), 3, "each take once");
  assertEquals(await studio.getByRole("region", { name: "Replay" }).count(), 1);
  assert(await studio.getByText("Stream ended", { exact: true }).isVisible(), "the badge says it");
  assert(!await studio.getByLabel("Your camera preview").isVisible(), "no preview");
  const stage = (await studio.locator(".stage").boundingBox())!;
  assert(stage.height < 100, `no empty box where the preview was: ${stage.height} px tall`);
}

liveTest(
  "the studio records a replay while live, and viewers play it once the stream has ended",
  async (t, { stack, browser }) => {
    let { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    /** What the first studio page had saved when it was closed: its two takes. */
    let firstPage = 0;

    await t.step("recording is offered before going live, and says how much is saved", async () => {
      const choice = studio.getByRole("checkbox", { name: /Record a replay/ });
      assert(!await choice.isChecked(), "off until the seller chooses it");
      await choice.check();
      // Live regions already in the page: a screen reader reads what changes in them.
      await studio.evaluate(() => {
        document.querySelectorAll("[role=status]").forEach((e) => e.setAttribute("data-before-live", ""));
        const shown: string[] = (globalThis as unknown as { shown: string[] }).shown = [];
        const line = document.querySelector(".replay-status")!;
        new MutationObserver(() => shown.push(line.textContent ?? "")).observe(line, {
          subtree: true,
          childList: true,
          characterData: true,
        });
      });
      await goLive(studio);
      await savedPast(studio, 0);
      assert(
        (await studio.textContent(".replay-status"))!.endsWith(" MB saved"),
        "the only page that recorded: its size is the replay's",
      );
      const shown = await studio.evaluate(() => (globalThis as unknown as { shown: string[] }).shown);
      assertEquals(
        shown.filter((words) => words.includes("Not recording")),
        [],
        "never said while it starts",
      );
    });

    await t.step(
      "a screen reader hears that recording started, once, and not every growing size",
      async () => {
        const recording = studio.getByRole("status").filter({ hasText: "Recording the replay" });
        assert(
          await recording.getAttribute("data-before-live") !== null,
          "said by a live region there before going live",
        );
        await studio.evaluate(() => {
          const said: string[] = (globalThis as unknown as { said: string[] }).said = [];
          const live = "[role=status],[role=alert],[role=log],[aria-live]:not([aria-live=off])";
          new MutationObserver((changes) => {
            for (const { target } of changes) {
              const region = (target instanceof Element ? target : target.parentElement)?.closest(live);
              if (region) said.push(region.textContent ?? "");
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        const before = await savedMegabytes(studio, /Recording the replay/);
        await savedPast(studio, before);
        await savedPast(studio, await savedMegabytes(studio, /Recording the replay/));
        const said = await studio.evaluate(() => (globalThis as unknown as { said: string[] }).said);
        assertEquals(said.filter((words) => words.includes("MB")), [], "no size read out");
      },
    );

    await t.step("the camera turned off and on again starts a new take", async () => {
      const before = await savedMegabytes(studio, /Recording the replay/);
      await studio.getByRole("button", { name: "📷 Camera off" }).click();
      await studio.getByRole("button", { name: "📷 Camera on" }).click();
      await savedPast(studio, before + 0.1);
    });

    await t.step(
      "while Showfloor cannot be reached the studio says so, and sends what waited once it can",
      async () => {
        const parts = "**/replay/*/*";
        await studio.route(parts, (route) => route.abort("internetdisconnected"));
        const cut = studio.getByRole("status").filter({ hasText: "Can't reach Showfloor" });
        await cut.waitFor({ timeout: UI_TIMEOUT });
        const before = await savedMegabytes(studio, /Recording the replay/);
        await studio.unroute(parts);
        await cut.waitFor({ state: "detached", timeout: UI_TIMEOUT });
        await savedPast(studio, before);
      },
    );

    await t.step(
      "the studio closed and opened again while live can end the stream, and records again once resumed, counting its own part",
      async () => {
        const again = await studio.context().newPage();
        firstPage = await savedMegabytes(studio, /Recording the replay/);
        await studio.close({ runBeforeUnload: false });
        studio = again;
        await studio.goto(watchUrl.replace("/watch/", "/studio/"));
        await studio.getByRole("status").filter({ hasText: "Live · not broadcasting from here" }).waitFor({
          timeout: UI_TIMEOUT,
        });
        assert(
          await studio.getByRole("button", { name: "End stream" }).isVisible(),
          "it can be ended from here",
        );
        assert(
          await studio.getByRole("checkbox", { name: /Record a replay/ }).isChecked(),
          "as the seller chose",
        );
        await studio.getByRole("button", { name: "Resume broadcast" }).click();
        await studio.waitForSelector(".studio[data-phase=live]", { timeout: UI_TIMEOUT });
        await savedPast(studio, 0);
        // Smaller than what the closed page had saved: said as this page's, not as a loss.
        const line = (await studio.textContent(".replay-status"))!;
        assert(/ [\d.]+ MB saved from this page$/.test(line), line);
      },
    );

    // In the seller's words, every take counted: this page recorded only the third.
    const saved =
      /^The stream has ended\. Its replay is saved \(3 parts, ([\d.]+) MB\): watch it on the stream's page\.$/;
    const savedInAll = async () => {
      const status = studio.getByRole("status").filter({ hasText: saved });
      await status.waitFor({ timeout: UI_TIMEOUT });
      return Number((await status.textContent())!.match(saved)![1]);
    };
    let inAll = 0;
    /** A viewer watching live as the stream ends. */
    let watching: Page;

    await t.step(
      "ending the stream saves the rest, and the studio says how much of it there is in all",
      async () => {
        watching = await openViewer(browser, watchUrl);
        await watching.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
        await watching.evaluate(() => (globalThis as unknown as { stayed: boolean }).stayed = true);
        const thisPage = await savedMegabytes(studio, /Recording the replay/);
        await studio.getByRole("button", { name: "End stream" }).click();
        await studio.getByRole("button", { name: "Yes, end it" }).click();
        inAll = await savedInAll();
        await endedStudioPlaysReplay(studio);
        // Each figure rounded to 0.1 MB.
        assert(
          inAll >= firstPage + thisPage - 0.1,
          `${inAll} MB in all, ${firstPage} + ${thisPage} MB at least`,
        );
        const link = studio.getByRole("link", { name: "watch it on the stream's page" });
        assertEquals(
          new URL((await link.getAttribute("href"))!, watchUrl).href,
          `${watchUrl}#replay-heading`,
        );
      },
    );

    await t.step(
      "a viewer watching as it ends gets the replay in the player's place, without reloading",
      async () => {
        const replay = watching.getByRole("region", { name: "Replay" });
        await replay.waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await replay.locator("video").count(), 3, "every take, the left one too");
        // Said, not only shown: a screen reader hears the replay came.
        await replay.getByRole("status")
          .filter({ hasText: "This stream has ended. Thanks for watching! Watch it again here, in 3 parts." })
          .waitFor();
        assertEquals(await watching.locator(".player").count(), 0, "no ended player above it");
        assert(
          await watching.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed),
          "the same page, not reloaded",
        );
        // Nobody watches it now: the count left open says only the peak.
        const count = watching.locator(".viewer-count");
        await count.getByText(/^\d+ at the peak$/).waitFor();
        assertEquals(await count.getByText("watching").isVisible(), false);
        await watching.context().close();
      },
    );

    await t.step(
      "the studio opened after the end says the same, and plays the replay without thanking the seller",
      async () => {
        await studio.reload();
        assertEquals(await savedInAll(), inAll);
        await endedStudioPlaysReplay(studio);
        assertEquals(await studio.getByText("Thanks for watching").count(), 0, "a viewer's words");
      },
    );

    await t.step(
      "a viewer plays the replay on the watch page, each take in turn, and skips within it",
      async () => {
        const viewer = await openViewer(browser, watchUrl);
        const replay = viewer.getByRole("region", { name: "Replay" });
        const takes = replay.locator("video");
        assertEquals(await takes.count(), 3);
        assertEquals(await takes.first().getAttribute("aria-label"), "Replay, part 1 of 3");
        // Where the video was, first on a phone too, each part named on screen.
        await replay.getByText("This stream has ended. Thanks for watching! Watch it again here, in 3 parts.")
          .waitFor();
        await replay.getByText("Part 2 of 3").waitFor();
        assertEquals(await viewer.locator(".player").count(), 0, "no ended player above it");
        // The second take's studio was closed while recording it: its page left LiveKit's room by
        // itself, so it is whole and skips like the others, which their studio completed.
        for (const take of await takes.all()) {
          const played = await take.evaluate(async (video: HTMLVideoElement) => {
            video.muted = true;
            await video.play();
            // Frames come as fast as this (busy) machine decodes them: up to 10 s for a dozen.
            for (let waited = 0; video.getVideoPlaybackQuality().totalVideoFrames <= 10 && waited < 10_000;) {
              await new Promise((resolve) => setTimeout(resolve, 250));
              waited += 250;
            }
            video.pause();
            return { frames: video.getVideoPlaybackQuality().totalVideoFrames, duration: video.duration };
          });
          assert(played.frames > 10, `frames decoded: ${played.frames}`);
          assert(
            Number.isFinite(played.duration) && played.duration > 1,
            `the player knows its length: ${played.duration}`,
          );
          const seek = await take.evaluate(async (video: HTMLVideoElement) => {
            const to = video.duration / 2;
            video.currentTime = to;
            await new Promise((resolve) => video.addEventListener("seeked", resolve, { once: true }));
            return { to, at: video.currentTime, shown: video.readyState >= 2 };
          });
          assert(
            Math.abs(seek.at - seek.to) < 0.5 && seek.shown,
            `skipped to the middle: ${JSON.stringify(seek)}`,
          );
        }
      },
    );

    await t.step("the seller deletes the stream: an open page's replay says it can't be played", async () => {
      const viewer = await openViewer(browser, watchUrl);
      const replay = viewer.getByRole("region", { name: "Replay" });
      await replay.locator("video").first().waitFor();
      const path = new URL(watchUrl).pathname.replace("/watch/", "/api/streams/");
      assertEquals(
        await studio.evaluate((path) => fetch(path, { method: "DELETE" }).then((r) => r.status), path),
        204,
      );
      // Asked for again, as playing asks for more of it, the part is gone (a fresh address:
      // Chromium's media cache would answer the same one).
      await replay.locator("video").first().evaluate((video: HTMLVideoElement) => video.src += "?again");
      await replay.getByRole("alert").filter({
        hasText: "This replay can't be played: it may have been deleted.",
      })
        .waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await replay.getByText("Watch it again here").count(), 0, "no word against it");
    });
  },
);
