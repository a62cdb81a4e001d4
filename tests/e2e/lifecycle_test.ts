// A stream's life as viewers see it: the seller dropping and coming back, the stream
// ending, and the watch page on a phone.
import type { Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import { waitForInbound, withRtcStats } from "@/tests/e2e/harness/browser.ts";
import { createStreamAsSeller, goLive, liveTest, openViewer, UI_TIMEOUT } from "./live_flow.ts";

/** The name of the control the keyboard's focus is on ("" for the page itself). */
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement === document.body ? "" : document.activeElement?.textContent);

/** Waits until the focus is on End stream, what the seller presses next once live. */
const endStreamFocused = (page: Page) =>
  page.waitForFunction(() => document.activeElement?.textContent === "End stream", null, {
    timeout: UI_TIMEOUT,
  });

liveTest(
  "viewers see the seller reconnecting when their connection drops, and play again when they resume",
  async (t, { stack, browser }) => {
    const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    const viewer = await openViewer(browser, watchUrl);

    await t.step("Enter on Go live leaves the focus on End stream once live, and viewers play", async () => {
      await studio.getByRole("button", { name: "Go live" }).focus();
      await studio.keyboard.press("Enter");
      await studio.waitForSelector(".studio[data-phase=live]", { timeout: UI_TIMEOUT });
      await endStreamFocused(studio);
      await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
      assertEquals(await focused(studio), "End stream", "where it stays once the broadcast runs");
    });
    const studioUrl = studio.url();

    await t.step("the seller's tab closes: viewers see a reconnecting banner", async () => {
      await studio.close();
      await viewer.waitForSelector(".player[data-phase=dropped]", { timeout: UI_TIMEOUT });
      assert((await viewer.textContent(".banner"))?.includes("connection dropped"));
    });

    const playsOn = async () => {
      await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
      const before = await waitForInbound(viewer, (s) => s.framesDecoded > 0);
      await waitForInbound(viewer, (s) => s.framesDecoded > before.framesDecoded + 10, UI_TIMEOUT);
    };
    // By a click or by keyboard, the focus lands on End stream.
    const resume = async (page: Page, by: "click" | "Enter" = "click") => {
      const button = page.getByRole("button", { name: "Resume broadcast" });
      await (by === "click"
        ? button.click({ timeout: UI_TIMEOUT })
        : button.press(by, { timeout: UI_TIMEOUT }));
      await page.waitForSelector(".studio[data-phase=live]", { timeout: UI_TIMEOUT });
      await endStreamFocused(page);
    };
    // Its peer connections recorded, for a later step to stop its camera's frames.
    const again = await (await withRtcStats(studio.context())).newPage();

    await t.step(
      "the seller resumes from the studio: viewers play again, and the focus is on End stream",
      async () => {
        // What the viewer's player says meanwhile: never that the stream has yet to start.
        await viewer.evaluate(() => {
          const seen: string[] = [];
          (globalThis as { __phases?: string[] }).__phases = seen;
          const player = document.querySelector(".player")!;
          new MutationObserver(() => seen.push(player.getAttribute("data-phase") ?? "")).observe(player, {
            attributes: true,
            attributeFilter: ["data-phase"],
          });
        });
        await again.goto(studioUrl);
        await resume(again);
        await playsOn();
        assertEquals(await focused(again), "End stream");
        const phases = await viewer.evaluate(() => (globalThis as { __phases?: string[] }).__phases!);
        assert(!phases.includes("waiting"), `the viewer's player said: ${phases}`);
      },
    );

    await t.step(
      "a second studio tab takes the broadcast over; the first says so, can take it back, and says when the other stops",
      async () => {
        const other = await studio.context().newPage();
        await other.goto(studioUrl);
        await resume(other, "Enter");
        const stopped = (page: Page) =>
          page.getByRole("status").filter({ hasText: "You're broadcasting from another tab or device now" });
        await stopped(again).waitFor({ timeout: UI_TIMEOUT });
        await again.getByRole("status").filter({ hasText: "Live · not broadcasting from here" }).waitFor();
        await playsOn();
        await resume(again);
        await stopped(other).waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await stopped(again).count(), 0, "the notice goes once this tab broadcasts again");
        await playsOn();
        // Taken over once more, and that tab then closes: the stopped one says viewers wait.
        await resume(other);
        await stopped(again).waitFor({ timeout: UI_TIMEOUT });
        await other.close();
        await again.getByRole("status")
          .filter({ hasText: "Your other tab or device stopped broadcasting, and viewers are waiting" })
          .waitFor({ timeout: UI_TIMEOUT });
        await resume(again);
        await playsOn();
      },
    );

    await t.step(
      "a viewer arriving while the seller's picture sends no frames (a tab just closed, still in the room) is told it starts in a moment, not that it is live; then it plays",
      async () => {
        // The camera's track stays published and unmuted; its frames stop.
        const setCamera = (on: boolean) =>
          again.evaluate(async (on) => {
            const w = globalThis as unknown as {
              __pcs: RTCPeerConnection[];
              __stopped?: [RTCRtpSender, MediaStreamTrack][];
            };
            if (on) {
              return void await Promise.all(
                w.__stopped!.map(([sender, track]) => sender.replaceTrack(track)),
              );
            }
            w.__stopped = w.__pcs.filter((pc) => pc.signalingState !== "closed")
              .flatMap((pc) => pc.getSenders())
              .filter((sender) => sender.track?.kind === "video")
              .map((sender) => [sender, sender.track!]);
            await Promise.all(w.__stopped.map(([sender]) => sender.replaceTrack(null)));
          }, on);
        await setCamera(false);
        const late = await openViewer(browser, watchUrl);
        await late.waitForSelector(".player[data-phase=starting]", { timeout: UI_TIMEOUT });
        await late.getByRole("status").filter({ hasText: "The video starts in a moment…" }).waitFor();
        assertEquals(await late.getByText("● Live").count(), 0);
        await setCamera(true);
        await late.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
        await late.context().close();
      },
    );
  },
);

liveTest(
  "ending the stream shows ended to viewers and takes it off the home page; the seller may then delete it",
  async (t, { stack, browser }) => {
    const { studio, watchUrl, streamId } = await createStreamAsSeller(browser, stack.appUrl);
    const home = await (await browser.newContext()).newPage();
    await home.goto(stack.appUrl);
    const card = home.locator(`[data-stream-id="${streamId}"]`);
    assertEquals(await card.count(), 0, "not live yet, not listed");
    // The studio open in a second tab before going live, as sellers keep one.
    const idle = await studio.context().newPage();
    await idle.goto(studio.url());
    await goLive(studio);
    const viewer = await openViewer(browser, watchUrl);
    await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });

    await t.step(
      "the studio's other tab learns the stream is live, and offers to broadcast from there",
      async () => {
        await idle.getByRole("status").filter({ hasText: "Live · not broadcasting from here" })
          .waitFor({ timeout: UI_TIMEOUT });
        await idle.getByRole("button", { name: "Resume broadcast" }).waitFor();
        assertEquals(await idle.getByRole("button", { name: "Go live", exact: true }).count(), 0);
      },
    );

    await t.step(
      "a home page already open lists the live stream with its seller, without a reload",
      async () => {
        await card.waitFor({ timeout: UI_TIMEOUT });
        const text = await card.textContent();
        assert(text?.includes("Spring linen drop") && text.includes("Linen & Co"), `card: ${text}`);
      },
    );

    await t.step(
      "offline, the home page says its list may be out of date, and stops saying so once back",
      async () => {
        // The tab shown again asks at once, as it does every 10 s.
        const askNow = () => home.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
        const notice = home.getByRole("status").filter({ hasText: "this list may be out of date" });
        await home.context().setOffline(true);
        await askNow();
        await notice.waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await card.count(), 1, "the list as it was stays");
        await home.context().setOffline(false);
        await askNow();
        await notice.waitFor({ state: "detached", timeout: UI_TIMEOUT });
      },
    );

    // A viewer whose network lets the app through but not LiveKit (a firewall, a proxy).
    const blocked = await (await browser.newContext()).newPage();
    await t.step(
      "a viewer who can't reach LiveKit is told so in plain words, with Try again",
      async () => {
        const livekit = new RegExp(`127\\.0\\.0\\.1:${stack.livekit.ports.http}`);
        await blocked.route(livekit, (route) => route.abort());
        await blocked.routeWebSocket(livekit, (ws) => ws.close());
        await blocked.goto(watchUrl);
        await blocked.getByRole("status").filter({
          hasText:
            "The live video can't be reached from here. Chat and products won't update live until it can.",
        }).waitFor({ timeout: UI_TIMEOUT });
        await blocked.getByRole("button", { name: "Try again" }).waitFor();
      },
    );

    await t.step("the seller ends it: the viewer shows ended and the open home page drops it", async () => {
      await studio.click("button:has-text('End stream')");
      await studio.click("button:has-text('Yes, end it')");
      // The viewer outside the room too, by asking: no room tells them.
      for (const page of [viewer, blocked]) {
        await page.waitForSelector(".player[data-phase=ended]", { timeout: UI_TIMEOUT });
        assert((await page.textContent(".player"))?.includes("This stream has ended"));
      }
      await blocked.context().close();
      await card.waitFor({ state: "detached", timeout: UI_TIMEOUT });
      // Nobody watches an ended stream: the pages left open no longer say how many do.
      for (const page of [viewer, studio]) {
        await page.waitForFunction(
          () => {
            const shown = (document.querySelector(".viewer-count") as HTMLElement).innerText;
            return !shown.includes("watching") && /^\d+ at the peak$/.test(shown.trim());
          },
          undefined,
          { timeout: UI_TIMEOUT },
        );
      }
      // The studio's other tab shows it ended too, and offers nothing that would start it again.
      await idle.getByRole("status").filter({ hasText: "Stream ended" }).waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await idle.getByRole("button", { name: /Go live|Resume broadcast/ }).count(), 0);
    });

    await t.step(
      "the seller deletes it from the studio, asked first: off their list, its link not found",
      async () => {
        // The disclosure is a button to assistive technology, opened without a script of its own.
        await studio.getByRole("button", { name: "Delete stream" }).click({ timeout: UI_TIMEOUT });
        await studio.getByRole("button", { name: "Yes, delete it" }).click();
        await studio.waitForURL(/\/studio\?deleted=stream$/, { timeout: UI_TIMEOUT });
        await studio.getByRole("status").filter({ hasText: "The stream is deleted" }).waitFor();
        assert(!(await studio.content()).includes(streamId), "not in the seller's streams");
        await viewer.reload();
        await viewer.getByRole("heading", { name: "Page not found" }).waitFor({ timeout: UI_TIMEOUT });
      },
    );
  },
);

liveTest(
  "the watch page works at phone width: video on top, reactions and chat by thumb",
  async (t, { stack, browser }) => {
    const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    const phone = await openViewer(browser, watchUrl, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });

    await t.step(
      "before the stream starts, no empty band under the video: the title comes next",
      async () => {
        await phone.waitForSelector(".player[data-phase=waiting]", { timeout: UI_TIMEOUT });
        const video = (await phone.locator(".player .stage").boundingBox())!;
        const title = (await phone.getByRole("heading", { level: 1 }).boundingBox())!;
        const band = title.y - (video.y + video.height);
        assert(band <= 24, `${band} px between the video and the title`);
      },
    );

    await goLive(studio);
    await phone.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });

    await t.step("nothing is wider than the screen and the video comes first", async () => {
      assert(
        await phone.evaluate(() => document.documentElement.scrollWidth <= 390),
        "no sideways scrolling",
      );
      const video = (await phone.locator(".player video.main-video").boundingBox())!;
      const chat = (await phone.locator(".chat-panel").boundingBox())!;
      assert(video.width >= 360, `the video spans the screen (${video.width}px)`);
      assert(video.y < chat.y, "video above chat");
    });

    await t.step(
      "at 320 × 640 the player's controls take one row, and the message box is on the first screen",
      async () => {
        await phone.setViewportSize({ width: 320, height: 640 });
        await phone.evaluate(() => scrollTo(0, 0));
        const tops = await phone.locator(".player-bar").locator("select, button").evaluateAll((controls) =>
          controls.map((c) => c.getBoundingClientRect().top)
        );
        assert(tops.length === 2 && Math.abs(tops[0]! - tops[1]!) < 8, `the controls' tops: ${tops}`);
        const box = (await phone.getByLabel("Chat message").boundingBox())!;
        assert(box.y + box.height <= 640, `the message box ends at ${box.y + box.height} px`);
        assertEquals(
          await phone.evaluate(() => document.documentElement.scrollWidth),
          320,
          "no sideways scroll",
        );
        await phone.setViewportSize({ width: 390, height: 844 });
      },
    );

    await t.step("a reaction and a chat message can be sent with taps", async () => {
      await phone.waitForSelector(".reaction-bar[data-ready]", { timeout: UI_TIMEOUT });
      await phone.locator(".reaction").first().tap();
      await phone.waitForSelector(".reaction-bar[data-sent='1']", { timeout: UI_TIMEOUT });
      await phone.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
      await phone.locator(".chat-input").tap();
      await phone.fill(".chat-input", "Does it come in blue?");
      await phone.locator(".chat-send").tap();
      await phone.waitForSelector(".chat-message:has-text('Does it come in blue?')", { timeout: UI_TIMEOUT });
      await studio.waitForSelector(".chat-message:has-text('Does it come in blue?')", {
        timeout: UI_TIMEOUT,
      });
    });
  },
);

liveTest(
  "while live, the studio keeps the broadcast: leaving asks first, links open a new tab (and say so) only while on air, products are added in place",
  async (t, { stack, browser }) => {
    const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    // Each header link's target, found by the name a screen reader says.
    const headerLinks = (names: string[]) =>
      Promise.all(
        names.map((name) => studio.getByRole("link", { name, exact: true }).getAttribute("target")),
      );
    const HEADER = ["Showfloor", "Studio", "Products"];
    const SAID_NEW_TAB = HEADER.map((name) => `${name} (opens in a new tab)`);

    await t.step("before going live, the header's links open in place", async () => {
      await studio.waitForSelector(".studio[data-phase=idle]", { timeout: UI_TIMEOUT });
      assertEquals(await headerLinks(HEADER), [null, null, null]);
    });

    await goLive(studio);
    const viewer = await openViewer(browser, watchUrl);
    await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });

    await t.step("on air, the header's links open in a new tab and say so", async () => {
      assertEquals(await headerLinks(SAID_NEW_TAB), ["_blank", "_blank", "_blank"]);
    });

    await t.step("closing the tab asks first, and staying keeps the broadcast", async () => {
      const asked = new Promise<string>((resolve) =>
        studio.once("dialog", (dialog) => {
          resolve(dialog.type());
          void dialog.dismiss();
        })
      );
      await studio.close({ runBeforeUnload: true });
      assertEquals(await asked, "beforeunload");
      assert(!studio.isClosed(), "the seller chose to stay");
      await studio.waitForSelector(".studio[data-phase=live]");
    });

    await t.step("a product added from the studio can be pinned at once and reaches viewers", async () => {
      await studio.getByRole("button", { name: "Add a product" }).click();
      await studio.getByLabel("Name").fill("Straw hat");
      await studio.getByLabel("Price").fill("19,5");
      await studio.getByLabel("Stock").fill("3");
      await studio.getByRole("button", { name: "Add to catalog" }).click();
      await studio.getByRole("status").filter({ hasText: "Added Straw hat" }).waitFor({
        timeout: UI_TIMEOUT,
      });
      const item = studio.locator(".catalog-item", { hasText: "Straw hat" });
      const line = await item.textContent();
      assert(line?.includes("€19.50"), `the price as typed: ${line}`);
      await item.getByRole("button", { name: "Pin" }).click();
      await viewer.waitForSelector(".tray-item:has-text('Straw hat')", { timeout: UI_TIMEOUT });
      assert(
        await studio.evaluate(() => document.querySelector(".studio")?.getAttribute("data-phase") === "live"),
      );
    });

    await t.step(
      "once ended, the focus is on what the studio says, and the header's links open in place",
      async () => {
        await studio.getByRole("button", { name: "End stream" }).click();
        await studio.getByRole("button", { name: "Yes, end it" }).click();
        await studio.waitForSelector(".studio[data-phase=ended]", { timeout: UI_TIMEOUT });
        // The controls went with the stream, not the focus to the page.
        await studio.waitForFunction(
          () => document.activeElement?.closest(".studio [role=status]")?.textContent === "Stream ended",
          null,
          { timeout: UI_TIMEOUT },
        );
        assertEquals(await headerLinks(HEADER), [null, null, null]);
      },
    );
  },
);
