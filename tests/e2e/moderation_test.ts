// Moderation end to end with real parts: the seller names a moderator (a second seller
// account) in the studio, who finds the live stream on their studio home; the host
// deletes a viewer's message and it vanishes on another viewer and from a late viewer's
// page; the moderator times a viewer out, who is told at once and whose next message is
// refused with the time shown, and the studio lifts the timeout early; blocked words and
// slow mode refuse what they should, to the sender only; a report reaches the studio, and
// a ban from it disconnects the viewer, whom a reload and a fresh guest in the same
// browser do not let back in, and the studio unbans them; the moderator steps down from
// their studio home, and the studio's list follows; named again, the host removes them.
import type { Browser, Page } from "playwright-core";
import { withRtcStats } from "@/tests/e2e/harness/browser.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { createStreamAsSeller, goLive, liveTest, UI_TIMEOUT } from "./live_flow.ts";

const line = (page: Page, text: string) => page.locator(".chat-message", { hasText: text });

/** A guest who picked a display name (as the watch page's name form does) before opening the stream's page. */
async function namedViewer(browser: Browser, watchUrl: string, name: string): Promise<Page> {
  const context = await withRtcStats(await browser.newContext());
  await context.request.post(new URL("/guest", watchUrl).href, {
    form: { name, returnTo: "/" },
    maxRedirects: 0,
  });
  const page = await context.newPage();
  await page.goto(watchUrl);
  await page.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
  return page;
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByLabel("Chat message").fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

async function said(page: Page, text: string): Promise<void> {
  await say(page, text);
  await line(page, text).waitFor({ timeout: UI_TIMEOUT });
}

/** The text of what has the keyboard's focus when it is inside `part` ("" when elsewhere, or on the page). */
const focusedIn = (page: Page, part: string) =>
  page.evaluate((part) => {
    const focused = document.activeElement;
    return focused && focused !== document.body && focused.closest(part) ? focused.textContent : "";
  }, part);

/**
 * Presses the studio's button that lets someone go (Lift timeout, Unban): they leave its list,
 * leaving `none`; the studio `says` so, and the focus is on the list's `heading`, not the page.
 */
async function letGo(studio: Page, button: string, none: string, says: string, heading: string) {
  const pressed = studio.getByRole("button", { name: button });
  await pressed.click();
  await pressed.waitFor({ state: "detached", timeout: UI_TIMEOUT });
  await studio.getByText(none).waitFor();
  await studio.getByRole("status").filter({ hasText: says }).waitFor();
  assertEquals(await focusedIn(studio, ".moderation-panel"), heading);
}

/** What has the keyboard's focus, by role and name ("body" when it fell to the page). */
const focusedRole = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return "body";
    return `${focused.getAttribute("role") ?? focused.tagName}: ${focused.getAttribute("aria-label")}`;
  });

/**
 * A report's buttons as laid out: their words in the keyboard's order, whether that is the
 * order the eye reads them in (row by row), the least gap from Ban to any other, and how many
 * are smaller than a finger.
 */
const reportButtons = (page: Page, text: string) =>
  page.locator(".report", { hasText: text }).evaluate((report) => {
    const boxes = [...report.querySelectorAll("button")].map((b) => ({
      name: b.textContent!,
      r: b.getBoundingClientRect(),
    }));
    const read = [...boxes].sort((a, b) =>
      a.r.top >= b.r.bottom ? 1 : b.r.top >= a.r.bottom ? -1 : a.r.left - b.r.left
    );
    const ban = boxes.find((b) => b.name === "Ban")!.r;
    const apart = (r: DOMRect) =>
      Math.max(r.left - ban.right, ban.left - r.right, r.top - ban.bottom, ban.top - r.bottom);
    return {
      order: boxes.map((b) => b.name),
      inReadingOrder: read.every((b, i) => b === boxes[i]),
      banApart: Math.min(...boxes.filter((b) => b.name !== "Ban").map((b) => apart(b.r))),
      small: boxes.filter((b) => b.r.width < 44 || b.r.height < 44).length,
    };
  });

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/**
 * What of a viewer's time-out row (a button, or its "Time out … min" words) lies within `px`
 * of the newest line's Ban, where a slip of the finger lands: nothing, when Ban stands apart.
 */
const nearBan = (page: Page, px: number) =>
  page.evaluate((px) => {
    const ban = [...document.querySelectorAll(".chat-message:has(.timeouts) button.danger")].at(-1)!;
    ban.scrollIntoView({ block: "nearest" });
    const r = ban.getBoundingClientRect();
    const near = new Set<string>();
    for (let d = 1; d <= px; d++) {
      for (let f = 0; f <= 1; f += 1 / 8) {
        const [x, y] = [r.left + f * r.width, r.top + f * r.height];
        for (const [hx, hy] of [[r.left - d, y], [r.right + d, y], [x, r.top - d], [x, r.bottom + d]]) {
          const hit = document.elementFromPoint(hx!, hy!);
          if (hit?.closest(".timeouts")) near.add(hit.matches("button") ? hit.textContent! : "its words");
        }
      }
    }
    return [...near];
  }, px);

/**
 * A line's tools as they read, left to right (row by row), and as Tab meets them from the first
 * of those: the same, when the keyboard goes as the eye does.
 */
async function toolOrders(page: Page, text: string) {
  const shown = await line(page, text).locator(".moderation-buttons button").evaluateAll((buttons) => {
    const at = (b: Element) => b.getBoundingClientRect();
    const sorted = buttons.sort((a, b) =>
      Math.abs(at(a).top - at(b).top) > 4 ? at(a).top - at(b).top : at(a).left - at(b).left
    );
    (sorted[0] as HTMLElement).focus();
    return sorted.map((b) => b.getAttribute("aria-label"));
  });
  const tabbed = [];
  for (const _ of shown) {
    tabbed.push(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")));
    await page.keyboard.press("Tab");
  }
  return { shown, tabbed };
}

liveTest(
  "the host and a moderator keep the room clean: delete, time out, rules, reports, ban",
  async (t, { stack, browser }) => {
    const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    await goLive(studio);
    const mod = await (await browser.newContext()).newPage();
    await mod.goto(`${stack.appUrl}/signup`);
    await mod.fill("input[name=name]", "Mo");
    await mod.fill("input[name=email]", "mo@example.com");
    await mod.fill("input[name=password]", "a long enough password");
    await Promise.all([mod.waitForURL(`${stack.appUrl}/studio`), mod.click("form.form button[type=submit]")]);
    const ann = await namedViewer(browser, watchUrl, "Ann");
    const bo = await namedViewer(browser, watchUrl, "Bo");
    for (const viewer of [ann, bo]) {
      await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
    }

    await t.step(
      "the host names a moderator, who finds the stream on their studio home, with the controls and a Mod badge",
      async () => {
        // An email no seller uses: the field is marked and focused, its reason beside it, as a refused form's page does.
        const email = studio.getByLabel("Moderator's email");
        await email.fill("nobody@example.com");
        await studio.getByRole("button", { name: "Add moderator" }).click();
        await studio.waitForFunction(
          () => {
            const field = document.activeElement;
            const reason = document.getElementById(field?.getAttribute("aria-describedby") ?? "");
            return field?.getAttribute("name") === "email" && field.getAttribute("aria-invalid") === "true" &&
              reason?.textContent === "No seller account uses this email. Ask them to sign up first.";
          },
          null,
          { timeout: UI_TIMEOUT },
        );
        await email.fill("mo@example.com");
        await studio.getByRole("button", { name: "Add moderator" }).click();
        await studio.getByRole("button", { name: "Remove moderator Mo" }).waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await email.getAttribute("aria-invalid"), null, "no longer marked once it is right");
        await mod.reload();
        const shops = mod.getByRole("region", { name: "Shops you moderate" });
        await Promise.all([
          mod.waitForURL(watchUrl),
          shops.getByRole("link", { name: /Spring linen drop/ }).click(),
        ]);
        await mod.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
        await said(mod, "Mod here, be nice");
        await line(bo, "Mod here, be nice").locator(".badge", { hasText: "Mod" }).waitFor({
          timeout: UI_TIMEOUT,
        });
        await said(studio, "Welcome all");
        await line(ann, "Welcome all").locator(".badge", { hasText: "Host" }).waitFor({
          timeout: UI_TIMEOUT,
        });
        assertEquals(
          await ann.getByRole("button", { name: /^Delete message/ }).count(),
          0,
          "viewers don't moderate",
        );
        // The moderator deletes their own line, not the host's; the host, either.
        await line(mod, "Welcome all").waitFor({ timeout: UI_TIMEOUT });
        assertEquals(
          await line(mod, "Welcome all").getByRole("button").count(),
          0,
          "nothing on the host's line",
        );
        await line(mod, "Mod here, be nice").getByRole("button", { name: "Delete message from Mo" })
          .waitFor();
        await line(studio, "Mod here, be nice").getByRole("button", { name: "Delete message from Mo" })
          .waitFor();
      },
    );

    await t.step(
      "the host deletes a viewer's message: it vanishes for everyone, late viewers too",
      async () => {
        await said(ann, "buy cheap followers");
        await line(bo, "buy cheap followers").waitFor({ timeout: UI_TIMEOUT });
        await line(studio, "buy cheap followers").getByRole("button", { name: "Delete message from Ann" })
          .click();
        for (const page of [bo, ann, mod, studio]) {
          await line(page, "buy cheap followers").waitFor({ state: "detached", timeout: UI_TIMEOUT });
        }
        assert(
          !(await (await fetch(watchUrl)).text()).includes("buy cheap followers"),
          "not in a late viewer's page",
        );
        const log = studio.locator(".moderation-log");
        await log.getByText("deleted a message from").waitFor({ timeout: UI_TIMEOUT });
        assertMatch(await log.innerText(), /Linen & Co deleted a message from Ann: buy cheap followers/);
      },
    );

    await t.step("a blocked word is refused to its sender, and nobody else sees it", async () => {
      await studio.getByLabel("Blocked words (one per line)").fill("pills");
      await studio.getByRole("button", { name: "Save chat rules" }).click();
      await studio.getByText("Chat rules saved.").waitFor({ timeout: UI_TIMEOUT });
      await say(ann, "cheap pills here");
      await ann.getByRole("alert").filter({ hasText: '"pills" is not allowed in this chat' })
        .waitFor({ timeout: UI_TIMEOUT });
      await said(ann, "ok, sorry");
      for (const page of [bo, studio]) {
        await line(page, "ok, sorry").waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await line(page, "cheap pills").count(), 0);
      }
    });

    await t.step(
      "the moderator times a viewer out: they are told until when, and Send and reactions are off",
      async () => {
        await said(bo, "this stream is boring");
        await line(mod, "this stream is boring").waitFor({ timeout: UI_TIMEOUT });
        await line(mod, "this stream is boring").getByRole("button", { name: "Time out Bo for 5 minutes" })
          .click();
        await mod.getByRole("status").filter({ hasText: "Bo is timed out" }).waitFor({ timeout: UI_TIMEOUT });
        // Told at once, before trying to chat: the room's message to Bo alone.
        await bo.getByRole("status").filter({ hasText: "A moderator timed you out. You can chat again at" })
          .waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await ann.getByText("A moderator timed you out").count(), 0);
        // Nothing to send until then: no refusal piling up under the notice with each press.
        await bo.getByLabel("Chat message").fill("hello?");
        assert(await bo.getByRole("button", { name: "Send", exact: true }).isDisabled(), "Send is off");
        await bo.getByLabel("Chat message").press("Enter");
        for (const button of await bo.getByRole("group", { name: "React" }).getByRole("button").all()) {
          assert(await button.isDisabled(), "reactions are off");
        }
        // The minute after the timeout's end (made a few seconds ago: a minute may have turned since).
        const expected = await bo.evaluate(() =>
          [0, 10_000].map((ago) =>
            new Date(Math.ceil((Date.now() - ago + 5 * 60_000) / 60_000) * 60_000)
              .toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })
          )
        );
        const told = bo.getByRole("status").filter({ hasText: "A moderator timed you out" });
        assertMatch(await told.innerText(), new RegExp(`You can chat again at (${expected.join("|")})`));
        assertEquals(await bo.getByRole("alert").count(), 0, "no refusal under the notice");
        assertEquals(await line(ann, "hello?").count(), 0);
      },
    );

    await t.step(
      "the studio lists the timeout and lifts it early, saying so: the viewer hears at once and chats",
      async () => {
        await letGo(
          studio,
          "Lift the timeout of Bo",
          "Nobody is timed out.",
          "Lifted Bo's timeout.",
          "Timed out",
        );
        await bo.getByRole("status").filter({
          hasText: "Your timeout is over: you can chat again.",
        })
          .waitFor({ timeout: UI_TIMEOUT });
        assert(await bo.getByRole("button", { name: "React: fire" }).isEnabled(), "reactions are back");
        await said(bo, "thanks for letting me back");
        await line(ann, "thanks for letting me back").waitFor({ timeout: UI_TIMEOUT });
      },
    );

    await t.step("slow mode refuses a viewer's second message within N seconds", async () => {
      await studio.getByLabel("Slow mode").selectOption({ label: "One message every 10 seconds" });
      await studio.getByRole("button", { name: "Save chat rules" }).click();
      await studio.getByText("Chat rules saved.").waitFor({ timeout: UI_TIMEOUT });
      await said(ann, "first in slow mode");
      await say(ann, "second too soon");
      const refusal = ann.getByRole("alert").filter({
        hasText: "Slow mode is on: one message every 10 seconds",
      });
      await refusal.waitFor({ timeout: UI_TIMEOUT });
      await said(studio, "the host is not slowed");
      await said(studio, "not even twice");
      // Its "try again in …" goes once the wait is over, not frozen on screen.
      await refusal.waitFor({ state: "detached", timeout: UI_TIMEOUT });
    });

    await t.step("a pinned announcement reaches every screen, and the page of late viewers", async () => {
      await mod.getByLabel("Announcement to pin").fill("Free shipping over 50 €");
      await mod.getByRole("button", { name: "Pin announcement" }).click();
      for (const page of [ann, bo, studio]) {
        await page.getByRole("note", { name: "Pinned announcement" }).filter({
          hasText: "Free shipping over 50 €",
        })
          .waitFor({ timeout: UI_TIMEOUT });
      }
      assert((await (await fetch(watchUrl)).text()).includes("Free shipping over 50 €"));
    });

    await t.step(
      "a viewer's report (by keyboard) is thanked for a few seconds, the focus kept in the chat's history, and reaches the studio, where one click bans the author",
      async () => {
        const thanks = bo.getByRole("status").filter({ hasText: "Thanks: the seller will see your report." });
        await line(bo, "ok, sorry").getByRole("button", { name: "Report message from Ann" }).press("Enter");
        await line(bo, "ok, sorry").getByRole("button", { name: "Reported message from Ann" }).waitFor();
        await thanks.waitFor();
        assertEquals(await focusedRole(bo), "log: Chat history", "not the page, nor the chat's top");
        const report = studio.locator(".report", { hasText: "ok, sorry" });
        await report.waitFor({ timeout: UI_TIMEOUT });
        // Ban, which shuts the viewer out of every stream of the shop, stands apart from Dismiss
        // and the rest, last as the keyboard meets it too; finger-sized, at 320 px too.
        const size = studio.viewportSize()!;
        for (const width of [size.width, 390, 320]) {
          await studio.setViewportSize({ width, height: size.height });
          const laid = await reportButtons(studio, "ok, sorry");
          assertEquals(laid.order, ["Dismiss", "1", "5", "10", "Delete", "Ban"], `${width} px`);
          assert(laid.inReadingOrder, `${width} px: seen in the keyboard's order`);
          assert(laid.banApart >= 16, `${width} px: Ban ${laid.banApart} px from another button`);
          assertEquals(laid.small, 0, `${width} px: finger-sized buttons`);
          assertEquals(await noSidewaysScroll(studio), 0, `${width} px`);
        }
        await studio.setViewportSize(size);
        await report.getByRole("button", { name: "Ban Ann" }).click();
        await studio.getByRole("button", { name: "Unban Ann" }).waitFor({ timeout: UI_TIMEOUT });
        await report.waitFor({ state: "detached", timeout: UI_TIMEOUT });
        // Said once, seen: left there, it would still be thanking after the stream has ended.
        await thanks.waitFor({ state: "detached", timeout: UI_TIMEOUT });
      },
    );

    await t.step(
      "the banned viewer's player disconnects; a reload and a fresh guest are refused",
      async () => {
        await ann.waitForSelector(".player[data-phase=banned]", { timeout: UI_TIMEOUT });
        await ann.getByText("You were banned from this shop's streams.").waitFor();
        // Nothing is left to do on the page: no chat box, no reactions.
        await ann.getByLabel("Chat message").waitFor({ state: "detached", timeout: UI_TIMEOUT });
        assertEquals(await ann.getByRole("group", { name: "React" }).count(), 0);
        // Out of the room, it hears no more counts: it says no stale "N watching".
        assertEquals(await ann.locator(".viewer-count").getByText("watching").isVisible(), false);
        assert(
          !await ann.getByLabel("Your name in chat").isVisible(),
          "no name to pick for a chat that is gone",
        );
        for (const page of [bo, studio]) {
          await line(page, "first in slow mode").waitFor({ state: "detached", timeout: UI_TIMEOUT });
        }
        await ann.reload();
        await ann.waitForSelector(".player[data-phase=banned]", { timeout: UI_TIMEOUT });
        await ann.context().clearCookies({ name: "sf_guest" });
        await ann.reload();
        await ann.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
        assert((await ann.context().cookies()).some((c) => c.name === "sf_guest"), "a fresh guest");
        await ann.waitForSelector(".player[data-phase=banned]", { timeout: UI_TIMEOUT });
        assertEquals(await ann.locator(".main-video").evaluate((v: HTMLVideoElement) => v.srcObject), null);
      },
    );

    await t.step(
      "the studio unbans Ann, saying so, the focus on the list's heading",
      () => letGo(studio, "Unban Ann", "Nobody is banned.", "Unbanned Ann.", "Banned"),
    );

    await t.step(
      "by keyboard on the watch page, Delete and Ban leave the focus in the chat's history, and say what they did",
      async () => {
        // One line each: slow mode is still on for viewers.
        const cy = await namedViewer(browser, watchUrl, "Cy");
        await said(cy, "hi from Cy");
        await said(mod, "a typo from Mo");
        await line(mod, "hi from Cy").waitFor({ timeout: UI_TIMEOUT });
        for (
          const [text, button, says] of [
            ["a typo from Mo", "Delete message from Mo", "Deleted Mo's message."],
            // The room hides a banned viewer's lines a moment after the answer.
            ["hi from Cy", "Ban Cy", "Cy is banned from this shop's streams."],
          ] as const
        ) {
          await line(mod, text).getByRole("button", { name: button }).press("Enter", { timeout: UI_TIMEOUT });
          await mod.getByRole("status").filter({ hasText: says }).waitFor({ timeout: UI_TIMEOUT });
          await line(mod, text).waitFor({ state: "detached", timeout: UI_TIMEOUT });
          assertEquals(await focusedRole(mod), "log: Chat history", `after ${button}`);
        }
        await cy.context().close();
      },
    );

    await t.step(
      "Tab goes through a line's tools in the order they read (time outs, Delete, Ban), wide and at 390 px",
      async () => {
        for (const width of [1280, 390]) {
          await mod.setViewportSize({ width, height: 844 });
          const { shown, tabbed } = await toolOrders(mod, "this stream is boring");
          assertEquals(shown.length, 5, `${width} px: ${shown}`);
          assertEquals(tabbed, shown, `${width} px`);
        }
      },
    );

    await t.step("at 390 px the moderator's chat and the studio's moderation fit the screen", async () => {
      for (const page of [mod, studio]) {
        await page.setViewportSize({ width: 390, height: 844 });
        assertEquals(await noSidewaysScroll(page), 0, page === mod ? "mod" : "studio");
      }
      const del = await mod.getByRole("button", { name: "Delete message from Bo" }).first().boundingBox();
      assert(del && del.x + del.width <= 390, "the controls are on screen");
      // Ban stands apart from the time outs, a finger's slip away and more, at 320 px too;
      // every button still takes a finger, and nothing scrolls sideways.
      for (const width of [390, 320]) {
        await mod.setViewportSize({ width, height: 844 });
        assertEquals(await nearBan(mod, 16), [], `${width} px: nothing of the time outs near Ban`);
        assertEquals(await noSidewaysScroll(mod), 0, `${width} px`);
        const small = await mod.locator(".chat-message .moderation-buttons button").evaluateAll((buttons) =>
          buttons.map((b) => b.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length
        );
        assertEquals(small, 0, `${width} px: finger-sized buttons`);
      }
      await mod.setViewportSize({ width: 390, height: 844 });
      // A viewer's line and its tools (delete, time out 1, 5 or 10 minutes, ban) take two rows,
      // not three or four: at least four of them in view at once in the studio's chat.
      const fit = await studio.evaluate(() => {
        const log = document.querySelector(".chat-messages")!.clientHeight;
        const lines = [...document.querySelectorAll(".chat-message:has(.timeouts)")];
        return { log, lines: lines.map((l) => l.getBoundingClientRect().height) };
      });
      assert(fit.lines.length > 0 && fit.lines.every((h) => 4 * h <= fit.log), JSON.stringify(fit));
    });

    await t.step(
      "each moderation button says which line it acts on: Bo's two lines, ten buttons, ten names",
      async () => {
        const names = await mod.getByRole("log", { name: "Chat history" }).evaluate((log) =>
          [...log.querySelectorAll(".chat-message button")].map((b) => b.getAttribute("aria-label"))
            .filter((name) => / Bo\b/.test(name ?? ""))
        );
        assertEquals(names, [
          "Time out Bo for 1 minute over “this stream is boring”",
          "Time out Bo for 5 minutes over “this stream is boring”",
          "Time out Bo for 10 minutes over “this stream is boring”",
          "Delete message from Bo: “this stream is boring”",
          "Ban Bo over “this stream is boring”",
          "Time out Bo for 1 minute over “thanks for letting me back”",
          "Time out Bo for 5 minutes over “thanks for letting me back”",
          "Time out Bo for 10 minutes over “thanks for letting me back”",
          "Delete message from Bo: “thanks for letting me back”",
          "Ban Bo over “thanks for letting me back”",
        ]);
        // A long line is named by its first words (after the host's, enough to fill a phone's chat).
        await studio.evaluate(async (path) => {
          for (let i = 0; i < 10; i++) {
            await fetch(path, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ text: `New in: linen ${i}` }),
            });
          }
        }, `/api/streams/${watchUrl.split("/").at(-1)}/chat`);
        await said(bo, "Is the linen shirt in blue too, and in size M?");
        await line(mod, "Is the linen shirt").getByRole("button", {
          name: "Delete message from Bo: “Is the linen shirt in blue too…”",
          exact: true,
        }).waitFor({ timeout: UI_TIMEOUT });
      },
    );

    await t.step(
      "the moderator steps down from their studio home, on a phone without JavaScript; their open watch page follows",
      async () => {
        const context = await browser.newContext({
          javaScriptEnabled: false,
          storageState: await mod.context().storageState(),
          viewport: { width: 390, height: 844 },
        });
        const home = await context.newPage();
        await home.goto(`${stack.appUrl}/studio`);
        const stepDown = home.getByRole("region", { name: "Shops you moderate" })
          .getByRole("button", { name: "Step down as moderator of Linen & Co" });
        const box = await stepDown.boundingBox();
        assert(box && box.height >= 24 && box.x + box.width <= 390, "a whole button, on screen");
        assertEquals(await noSidewaysScroll(home), 0);
        // It asks first: one stray tap leaves nothing.
        await stepDown.click();
        const yes = home.getByRole("button", { name: "Yes, step down" });
        await home.getByText("Stop moderating Linen & Co? Only its seller can name you again.").waitFor();
        const yesBox = await yes.boundingBox();
        assert(yesBox && yesBox.x + yesBox.width <= 390, "the question fits the phone");
        await Promise.all([home.waitForURL(/\/studio\?left=/), yes.click()]);
        await home.getByRole("status").filter({ hasText: "You no longer moderate Linen & Co." }).waitFor();
        assertEquals(await home.getByRole("region", { name: "Shops you moderate" }).count(), 0);
        await studio.locator(".moderation-log").getByText("stepped down").waitFor({ timeout: UI_TIMEOUT });
        // The studio's list follows, without a reload.
        await studio.getByRole("button", { name: "Remove moderator Mo" }).waitFor({
          state: "detached",
          timeout: UI_TIMEOUT,
        });
        await studio.getByRole("region", { name: "Moderators" }).getByText("No moderators yet.").waitFor();
        await context.close();
        // Their watch page, open meanwhile, hears it at once: the tools go, as its words say.
        await mod.getByRole("status").filter({ hasText: "You no longer moderate this chat." })
          .waitFor({ timeout: UI_TIMEOUT });
        const byBo = line(mod, "thanks for letting me back");
        await byBo.getByRole("button", { name: "Report message from Bo" }).waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await mod.getByRole("button", { name: /^Ban / }).count(), 0);
      },
    );

    await t.step(
      "the host names Mo again and removes them: said, the focus on the list's heading",
      async () => {
        await studio.getByLabel("Moderator's email").fill("mo@example.com");
        await studio.getByRole("button", { name: "Add moderator" }).click();
        const remove = studio.getByRole("button", { name: "Remove moderator Mo" });
        await remove.click();
        await studio.getByRole("status").filter({ hasText: "Removed Mo as a moderator." }).waitFor({
          timeout: UI_TIMEOUT,
        });
        await remove.waitFor({ state: "detached" });
        assertEquals(await focusedIn(studio, ".moderators"), "Moderators");
      },
    );
  },
);
