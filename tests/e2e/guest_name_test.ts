// A guest renames themselves mid-stream without leaving the page: the video plays on, the
// form says it was saved (or why not, beside the field) and keeps the focus, and their
// next line carries the new name to the other viewers. Sent before the page's script
// wakes, the form still works as a plain post.
import type { Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import { createStreamAsSeller, goLive, liveTest, openViewer, UI_TIMEOUT } from "./live_flow.ts";
import { chatLine, mark, showsState } from "./page_state.ts";

const focusInForm = (page: Page) => page.evaluate(() => !!document.activeElement?.closest(".guest-name"));

async function say(page: Page, text: string): Promise<void> {
  await page.fill(".chat-input", text);
  await page.click(".chat-send");
  await page.waitForSelector(chatLine(text), { timeout: UI_TIMEOUT });
}

liveTest(
  "a guest saves their name in chat in place, and a refused one says why by the field",
  async (t, env) => {
    const { studio, watchUrl } = await createStreamAsSeller(env.browser, env.stack.appUrl);
    await goLive(studio);
    const [bea, other] = [await openViewer(env.browser, watchUrl), await openViewer(env.browser, watchUrl)];
    for (const page of [bea, other]) {
      await page.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
      await page.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
    }
    const form = bea.locator(".guest-name");
    const box = form.getByRole("textbox", { name: "Your name in chat" });
    const status = form.getByRole("status");
    await mark(bea);

    await t.step("Save keeps the page, the video and the focus, and says so", async () => {
      await box.fill("Bea");
      const save = form.getByRole("button", { name: "Save" });
      await save.scrollIntoViewIfNeeded();
      const scrolled = await bea.evaluate(() => scrollY);
      assert(scrolled > 0, "the form is below the fold");
      await save.click();
      await status.filter({ hasText: "Saved. Bea is your name in chat." }).waitFor({ timeout: UI_TIMEOUT });
      assert(await focusInForm(bea), "the focus stays in the form");
      assertEquals(await bea.evaluate(() => scrollY), scrolled, "the page stays scrolled to the form");
      await bea.waitForSelector(".player[data-phase=playing]", { timeout: 1_000 });
      await showsState(bea, {});
    });

    await t.step("the next line carries the new name to another viewer", async () => {
      await say(bea, "Bea here");
      const line = other.locator(chatLine("Bea here"));
      await line.waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await line.locator(".chat-name").textContent(), "Bea");
    });

    await t.step("a name claiming a role is refused beside the field, and changes nothing", async () => {
      await box.fill("Ann (Host)");
      await box.press("Enter");
      const error = form.locator("#name-error");
      await error.filter({ hasText: "Display name must not say you are the host or a moderator" })
        .waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await box.getAttribute("aria-invalid"), "true");
      assertEquals(await box.getAttribute("aria-describedby"), "name-error");
      assertEquals(await status.textContent(), "", "no stale “Saved”");
      assert(await focusInForm(bea), "the focus stays in the form");
      await say(bea, "still Bea");
      assertEquals(await other.locator(chatLine("still Bea")).locator(".chat-name").textContent(), "Bea");
      // The host's name, refused by the server, is said by the field too.
      await box.fill("Linen & Co.");
      await box.press("Enter");
      await error.filter({ hasText: "Linen & Co is the host's name here. Pick another name to chat." })
        .waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await box.getAttribute("aria-invalid"), "true");
      assertEquals(await status.textContent(), "", "no stale “Saved”");
      // Put right, the error goes; a name ending in a full stop is not given a second.
      await box.fill("Bea B.");
      await box.press("Enter");
      await status.filter({ hasText: "Saved." }).waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await status.textContent(), "Saved. Bea B. is your name in chat.");
      assertEquals([await error.count(), await box.getAttribute("aria-invalid")], [0, null]);
      await showsState(bea, {});
    });

    await t.step("sent before the page's script wakes, the form posts as a page", async () => {
      const early = await (await env.browser.newContext()).newPage();
      let arrive = () => {};
      const script = new Promise<void>((resolve) => arrive = resolve);
      await early.route("**/ChatPanel.js", async (route) => (await script, await route.continue()));
      await early.goto(watchUrl);
      await early.locator(".guest-name input[name=name]").fill("Cy");
      await early.locator(".guest-name button").click();
      // The name as an attribute: the page rendered anew for it (typing sets no attribute).
      await early.waitForSelector('.guest-name input[value="Cy"]', { timeout: UI_TIMEOUT });
      arrive();
    });
  },
);
