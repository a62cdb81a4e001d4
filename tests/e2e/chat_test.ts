// Chat end to end with real parts: a viewer's message goes through the app (stored in
// KV) and LiveKit's server API to the other viewers and the studio; a viewer who comes
// later finds it in the server-rendered page; HTML in a message stays text. Before the
// seller goes live, the studio (outside the room) gets viewers' lines all the same.
import type { Browser, Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import { createStreamAsSeller, goLive, liveTest, openViewer, UI_TIMEOUT } from "./live_flow.ts";

const lineWith = (text: string) => `.chat-message:has(.chat-text:text-is(${JSON.stringify(text)}))`;

async function say(page: Page, text: string): Promise<void> {
  await page.fill(".chat-input", text);
  await page.click(".chat-send");
  await page.waitForSelector(lineWith(text), { timeout: UI_TIMEOUT });
}

/** A new viewer's watch page whose chat script arrives only when `arrive()` is called. */
async function withChatHeld(browser: Browser, watchUrl: string) {
  const early = await (await browser.newContext()).newPage();
  let release = () => {};
  const script = new Promise<void>((resolve) => release = resolve);
  // The watch page's islands come from its own bundle (/_islands/watch/).
  let held = 0;
  await early.route(
    "**/_islands/**/ChatPanel.js",
    async (route) => (held++, await script, await route.continue()),
  );
  await early.goto(watchUrl);
  const arrive = async () => {
    // Asked for once the page wakes its islands (a tap, the first frame, or 3 s).
    for (let waited = 0; !held && waited < UI_TIMEOUT; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert(held > 0, "the chat's script was held back");
    release();
  };
  return { early, arrive };
}

async function texts(page: Page): Promise<string[]> {
  return await page.$$eval(".chat-message .chat-text", (els) => els.map((e) => e.textContent ?? ""));
}

liveTest(
  "chat reaches viewers and the studio, is in a late viewer's page, shows HTML as text, pages on scroll",
  async (t, { stack, browser }) => {
    const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    const early = await openViewer(browser, watchUrl);
    await t.step("before the seller goes live, a viewer's line reaches the studio all the same", async () => {
      await studio.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
      await say(early, "Starting soon?");
      await studio.waitForSelector(lineWith("Starting soon?"), { timeout: UI_TIMEOUT });
      await early.close();
      // Keeping up outside the room is quiet: no broadcast is attempted, so nothing fails
      // (a publish outside the room failed some 15 s after a resync, once every ~20 s).
      const alerted = await studio.getByRole("alert").first().waitFor({ timeout: 20_000 }).then(
        () => true,
        () => false,
      );
      assert(!alerted, "no alert while keeping up outside the room");
    });
    await goLive(studio);
    const a = await openViewer(browser, watchUrl);
    const b = await openViewer(browser, watchUrl);
    for (const page of [studio, a, b]) {
      await page.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
    }
    // Both viewers in the room, so what follows arrives as data messages.
    for (const viewer of [a, b]) {
      await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
    }

    await t.step("a line from viewer A appears on viewer B and in the studio", async () => {
      await say(a, "Is the blue one in stock?");
      for (const page of [b, studio]) {
        await page.waitForSelector(lineWith("Is the blue one in stock?"), { timeout: UI_TIMEOUT });
      }
    });

    await t.step(
      "others may report a viewer's line; its sender is not offered to, after a reload and in another tab",
      async () => {
        const report = (page: Page) =>
          page.locator(lineWith("Is the blue one in stock?")).getByRole("button", {
            name: /^Report message from .+: “Is the blue one in stock\?”$/,
          });
        await report(b).waitFor();
        assertEquals(await report(a).count(), 0);
        await a.reload();
        await a.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
        await a.waitForSelector(lineWith("Is the blue one in stock?"));
        assertEquals(await report(a).count(), 0, "after a reload");
        const otherTab = await a.context().newPage();
        await otherTab.goto(a.url());
        await otherTab.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
        await otherTab.waitForSelector(lineWith("Is the blue one in stock?"));
        assertEquals(await report(otherTab).count(), 0, "in another tab");
        await otherTab.close();
        await a.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
      },
    );

    await t.step("HTML in a message shows as text, and each line shows once", async () => {
      await say(b, "<b>x</b>");
      await say(studio, "Yes, all sizes!");
      for (const page of [a, b, studio]) {
        await page.waitForSelector(lineWith("Yes, all sizes!"), { timeout: UI_TIMEOUT });
        // The seller's line came after the others on the room's one ordered channel, so
        // every earlier line has arrived from the room too: no duplicates, in order.
        assertEquals(await texts(page), [
          "Starting soon?",
          "Is the blue one in stock?",
          "<b>x</b>",
          "Yes, all sizes!",
        ]);
        assertEquals(await page.locator(".chat-message b").count(), 0);
        assert(await page.isVisible(`${lineWith("Yes, all sizes!")}.chat-seller`), "the seller is marked");
      }
    });

    await t.step("a viewer who joins later sees the chat in the server-rendered page", async () => {
      const html = await (await fetch(watchUrl)).text();
      assert(html.includes("Is the blue one in stock?"));
      assert(
        html.includes("&lt;b>x&lt;/b>") || html.includes("&lt;b&gt;x&lt;/b&gt;"),
        "escaped in the HTML",
      );
      assert(!html.includes("<b>x</b>"));
      const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await noScript.goto(watchUrl);
      assertEquals(await texts(noScript), [
        "Starting soon?",
        "Is the blue one in stock?",
        "<b>x</b>",
        "Yes, all sizes!",
      ]);
      await noScript.context().close();

      const late = await openViewer(browser, watchUrl, { viewport: { width: 390, height: 844 } });
      await late.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
      assertEquals(await texts(late), [
        "Starting soon?",
        "Is the blue one in stock?",
        "<b>x</b>",
        "Yes, all sizes!",
      ]);
      // At phone width the chat sits under the video and its form fits the screen.
      const player = (await late.locator(".player").boundingBox())!;
      const input = (await late.locator(".chat-input").boundingBox())!;
      const send = (await late.locator(".chat-send").boundingBox())!;
      assert(input.y >= player.y + player.height, "the chat is under the video");
      assert(input.height >= 44 && send.height >= 44, "the form is thumb-sized");
      assert(send.x + send.width <= 390 && input.width >= 200, "the form fits 390 px");
      await say(late, "Just got here");
      await a.waitForSelector(lineWith("Just got here"), { timeout: UI_TIMEOUT });
    });

    await t.step("scrolling to the top of a long chat loads the earlier messages", async () => {
      await studio.evaluate(async (path) => {
        for (let i = 0; i < 60; i++) {
          await fetch(path, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ text: `line ${i}` }),
          });
        }
      }, `/api/streams/${watchUrl.split("/").at(-1)}/chat`);
      const reader = await openViewer(browser, watchUrl);
      await reader.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
      assertEquals((await texts(reader)).length, 50);
      await reader.locator(".chat-messages").evaluate((el) => el.scrollTop = 0);
      await reader.waitForFunction(() => document.querySelectorAll(".chat-message").length === 65);
      assertEquals((await texts(reader)).slice(0, 2), ["Starting soon?", "Is the blue one in stock?"]);
      assertEquals(await reader.isVisible("text=Load earlier messages"), false);

      // By keyboard, past 65 lines' Report buttons in one step, to a link shown once reached.
      const skip = reader.getByRole("link", { name: "Skip to the message box" });
      await skip.focus();
      assert((await skip.boundingBox())!.width > 50, "seen when focused");
      await reader.keyboard.press("Enter");
      assert(
        await reader.getByRole("textbox", { name: "Chat message" }).evaluate((box) =>
          box === document.activeElement
        ),
      );
    });

    await t.step(
      "scrolled up, a reader is told how many lines came since, and one press takes them there",
      async () => {
        const log = b.getByRole("log", { name: "Chat history" });
        const cue = b.getByRole("button", { name: /new messages?$/ });
        const fromBottom = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
        // At the bottom the chat follows each line, with nothing to press.
        await say(a, "still following");
        await b.waitForSelector(lineWith("still following"), { timeout: UI_TIMEOUT });
        assert(await fromBottom() < 24, "followed");
        assertEquals(await cue.count(), 0);

        // Reading earlier lines (not the top, which loads more): where they are stays put.
        const place = await log.evaluate((el) => el.scrollTop = el.scrollHeight / 2);
        for (const text of ["new one", "new two", "new three"]) await say(a, text);
        await b.waitForSelector(lineWith("new three"), { timeout: UI_TIMEOUT });
        await cue.filter({ hasText: "3 new messages" }).waitFor({ timeout: UI_TIMEOUT });
        assertEquals(Math.round(await log.evaluate((el) => el.scrollTop)), Math.round(place));
        // Over the history's bottom edge, and outside every live region: the log reads each line
        // as it comes (politely), not a count changing with each.
        const [edge, button] = [(await log.boundingBox())!, (await cue.boundingBox())!];
        assert(
          button.y + button.height <= edge.y + edge.height && button.y > edge.y,
          "over the log's bottom",
        );
        assert(
          await cue.evaluate((el) => !el.closest("[role=log], [role=status], [aria-live]")),
          "not read out",
        );

        await cue.click();
        await cue.waitFor({ state: "detached", timeout: UI_TIMEOUT });
        assert(await fromBottom() < 24, "at the newest line");
        assert(
          await log.evaluate((el) => el === document.activeElement),
          "the focus on the history, not lost",
        );
        await say(a, "following again");
        await b.waitForSelector(lineWith("following again"), { timeout: UI_TIMEOUT });
        assert(await fromBottom() < 24, "follows again");
        assertEquals(await cue.count(), 0);
      },
    );

    await t.step("one's own line shows once when the room brings it before the server's answer", async () => {
      let answer = () => {};
      const held = new Promise<void>((resolve) => answer = resolve);
      await a.route("**/api/streams/*/chat", async (route) => {
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
      });
      await a.fill(".chat-input", "Back in a minute");
      await a.click(".chat-send");
      await a.waitForSelector(`${lineWith("Back in a minute")}[data-id]`, { timeout: UI_TIMEOUT });
      assertEquals(await a.locator(lineWith("Back in a minute")).count(), 1, "no Sending… copy beside it");
      answer();
      await a.waitForFunction(() => !document.querySelector(".chat-pending"), null, { timeout: UI_TIMEOUT });
      assertEquals(await a.locator(lineWith("Back in a minute")).count(), 1);
    });

    await t.step("a line typed and sent before the chat's script arrives is sent once it has", async () => {
      const { early, arrive } = await withChatHeld(browser, watchUrl);
      await early.fill(".chat-input", "Typed early");
      await early.click(".chat-send");
      assertEquals(early.url(), watchUrl, "the page stays");
      await arrive();
      await b.waitForSelector(lineWith("Typed early"), { timeout: UI_TIMEOUT });
      assertEquals(early.url(), watchUrl);
      assertEquals(await early.inputValue(".chat-input"), "", "the box empties once it is sent");
    });

    await t.step("a Report tapped before the chat's script arrives is sent once it has", async () => {
      const { early, arrive } = await withChatHeld(browser, watchUrl);
      const line = early.locator(lineWith("Typed early"));
      await line.getByRole("button", { name: /^Report message from .+: “Typed early”$/ }).click();
      await arrive();
      await line.getByRole("button", { name: /^Reported message from .+: “Typed early”$/ }).waitFor({
        timeout: UI_TIMEOUT,
      });
      await studio.locator(".report", { hasText: "Typed early" }).waitFor({ timeout: UI_TIMEOUT });
    });
  },
);
