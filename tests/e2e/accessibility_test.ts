// Every page a seller or a viewer uses, audited by axe-core (the engine behind the
// browsers' own accessibility checks) on a 390 px phone and on a desktop, in the states
// people meet: signed out, live with pins, a highlight, chat and a report, a product
// sheet open, a stream not started yet, a banned viewer, and after the end with its replay,
// in the dark too. Any violation fails, with what and where, and so does a page wider than the
// screen. Then what settings and languages change: words in a script written right to left,
// less motion, a narrow screen and high contrast.
import axe from "axe-core";
import type { BrowserContext, Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import { api, createProduct, createStreamAsSeller, goLive, liveTest, UI_TIMEOUT } from "./live_flow.ts";
import { chatLine } from "./page_state.ts";
import { animatedOf, bodyContrast, linesOf, sidesOf } from "./rendering.ts";

interface View {
  viewport: { width: number; height: number };
  colorScheme?: "dark";
}
const PHONE = { width: 390, height: 844 };
const VIEWS: View[] = [{ viewport: PHONE }, { viewport: { width: 1280, height: 900 } }, {
  viewport: PHONE,
  colorScheme: "dark",
}];
/** A shop, a product, a guest and what she says, in Arabic (with a size and a price in it). */
const SHOP = "qa14 متجر الكتان";
const SHIRT = "قميص كتان أزرق";
const GUEST = "ليلى أحمد";
const SAID = "مرحبا! هل يوجد مقاس L؟ price 49.90€ ok";
/** A name, title or message with nowhere to break: it must wrap, not widen the page. */
const UNBROKEN = (lead: string, length: number) => lead + "x".repeat(length - lead.length);

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe's violations on the page as it is now, one line each, with up to three places. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the pages' CSP does not govern.
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe.run;
    return (await run()).violations;
  });
  return found.map((v) =>
    `${v.impact} ${v.id} (${v.help}): ${
      v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim()}`)
        .join("; ")
    }`
  );
}

/**
 * Opens `path` in a new page of a context in each view (two widths, and dark) and expects no
 * violations once `ready` holds; dark, the page is dark, its text clear on it.
 */
async function audit(
  t: Deno.TestContext,
  name: string,
  open: (view: View) => Promise<BrowserContext>,
  url: string,
  ready: (page: Page) => Promise<unknown> = () => Promise.resolve(),
): Promise<void> {
  for (const view of VIEWS) {
    await t.step(`${name}, ${view.viewport.width} px wide${view.colorScheme ? ", dark" : ""}`, async () => {
      const context = await open(view);
      try {
        const page = await context.newPage();
        await page.goto(url);
        await ready(page);
        assertEquals(await violations(page), []);
        if (view.colorScheme) {
          const { ratio, background } = await bodyContrast(page);
          assert(background < 0.05 && ratio >= 7, `a dark page, its text clear: ${background}, ${ratio}:1`);
        }
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assertEquals(sideways, 0, "the page never scrolls sideways");
      } finally {
        await context.close();
      }
    });
  }
}

liveTest(
  "pages have no accessibility violations and never scroll sideways, on a phone and a desktop",
  async (t, { stack, browser }) => {
    const { studio, streamId, watchUrl } = await createStreamAsSeller(browser, stack.appUrl, { name: SHOP });
    const shirt = await createProduct(studio, { name: "Linen shirt", image: true });
    const tote = await createProduct(studio, { name: "Canvas tote", priceMinor: 1900 });
    const scarf = await createProduct(studio, { name: "Wool scarf" });
    const trousers = await createProduct(studio, { name: UNBROKEN("Linentrousers", 120) });
    const arabic = await createProduct(studio, { name: SHIRT, priceMinor: 4990 });
    await api(studio, "PUT", `/api/streams/${streamId}/pins`, {
      productIds: [shirt, tote, scarf, trousers, arabic],
    });
    await api(studio, "PUT", `/api/streams/${streamId}/highlight`, { productId: shirt });
    const later = await api(studio, "POST", "/api/streams", { title: UNBROKEN("Autumnknits", 120) }) as {
      watchUrl: string;
      studioUrl: string;
    };
    await studio.reload();
    await studio.getByRole("checkbox", { name: /Record a replay/ }).check();
    await goLive(studio);
    const seller = await studio.context().storageState();
    const asSeller = (view: View) => browser.newContext({ ...view, storageState: seller });
    const asStranger = (view: View) => browser.newContext(view);

    // A guest writing in Arabic names herself and says something.
    const guest = await (await browser.newContext()).newPage();
    await guest.goto(watchUrl);
    // Once the chat's script runs, which saves the name in place.
    await guest.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
    await guest.getByRole("textbox", { name: "Your name in chat" }).fill(GUEST);
    await guest.getByRole("button", { name: "Save", exact: true }).click();
    await guest.getByRole("status").filter({ hasText: "is your name in chat" }).waitFor({
      timeout: UI_TIMEOUT,
    });
    await guest.getByRole("textbox", { name: "Chat message" }).fill(SAID);
    await guest.getByRole("button", { name: "Send" }).click();
    await guest.waitForSelector(chatLine(SAID), { timeout: UI_TIMEOUT });
    // A viewer says something and another reports it: the studio's chat and moderation panel fill.
    const talker = await (await browser.newContext()).newPage();
    await talker.goto(watchUrl);
    await talker.getByRole("textbox", { name: "Chat message" }).fill("Is the shirt in blue?");
    await talker.getByRole("button", { name: "Send" }).click();
    await talker.waitForSelector(chatLine("Is the shirt in blue?"), { timeout: UI_TIMEOUT });
    await talker.getByRole("textbox", { name: "Chat message" }).fill(UNBROKEN("Sooo", 500));
    await talker.getByRole("button", { name: "Send" }).click();
    await talker.waitForSelector(chatLine(UNBROKEN("Sooo", 500)), { timeout: UI_TIMEOUT });
    const reporter = await (await browser.newContext()).newPage();
    await reporter.goto(watchUrl);
    await reporter.waitForSelector(".chat-panel[data-ready]", { timeout: UI_TIMEOUT });
    await reporter.getByRole("button", { name: /^Report message from .+: “/ }).first().click();
    await reporter.getByRole("button", { name: /^Reported message from .+: “/ }).first().waitFor({
      timeout: UI_TIMEOUT,
    });

    const { appUrl } = stack;
    await t.step("words in a script written right to left keep to themselves beside the rest", async () => {
      const home = await (await asStranger(VIEWS[1]!)).newPage();
      await home.goto(appUrl);
      // "qa14 متجر الكتان · 👁 1 watching", not "qa14 1 👁 · متجر الكتان watching".
      assertEquals((await sidesOf(home.locator(".stream-card .muted"), SHOP, " · 👁 ")).left, 0);
      const watch = await (await asStranger(VIEWS[1]!)).newPage();
      await watch.goto(watchUrl);
      const own = await (await asSeller(VIEWS[1]!)).newPage();
      await own.goto(`${appUrl}/studio/${streamId}`);
      for (const page of [watch, own]) {
        // Her line reads right to left from her name: none of what she said lands right of it.
        const line = page.locator(chatLine(SAID));
        await line.waitFor({ timeout: UI_TIMEOUT });
        assertEquals((await sidesOf(line, GUEST, SAID)).right, 0);
      }
      // The shirt's name, then its stock and its price: not "5 قميص كتان أزرق left", nor its price first.
      const chip = own.locator(`.stock-left[data-product-id="${arabic}"]`);
      assertEquals((await sidesOf(chip, SHIRT, "5 left")).left, 0);
      const row = own.locator(`.pinned-item[data-product-id="${arabic}"] .product-line`);
      const price = await row.locator(".product-price").innerText();
      assertEquals((await sidesOf(row, SHIRT, price)).left, 0);
      await Promise.all([home, watch, own].map((p) => p.context().close()));
    });
    await t.step("asked for less motion, a reaction and the highlight fade where they are", async () => {
      const context = await browser.newContext({ reducedMotion: "reduce" });
      const page = await context.newPage();
      await page.goto(watchUrl);
      await page.waitForSelector(".product-tray[data-ready]", { timeout: UI_TIMEOUT });
      assertEquals(await animatedOf(page.locator(".highlight-card")), ["opacity"]);
      await page.getByRole("button", { name: /^React: / }).first().click({ timeout: UI_TIMEOUT });
      const reaction = page.locator(".floating-reaction").first();
      await reaction.waitFor({ timeout: UI_TIMEOUT });
      assertEquals(await animatedOf(reaction), ["opacity"]);
      await context.close();
    });
    await t.step("at 320 px wide (a phone zoomed in) the header breaks no word", async () => {
      for (const open of [asStranger, asSeller]) {
        const context = await open({ viewport: { width: 320, height: 568 } });
        const page = await context.newPage();
        await page.goto(appUrl);
        const lines = await linesOf(page.locator(".site-header a, .site-header button"));
        assertEquals(Object.values(lines).filter((n) => n !== 1), [], JSON.stringify(lines));
        await context.close();
      }
    });
    await t.step("in high contrast (forced colours) the product sheet has an edge", async () => {
      const context = await browser.newContext({ forcedColors: "active" });
      const page = await context.newPage();
      await page.goto(`${watchUrl}?product=${trousers}`);
      const edge = await page.getByRole("dialog").evaluate((d) => {
        const style = getComputedStyle(d);
        return `${style.borderTopStyle} ${style.borderTopWidth}`;
      });
      assertEquals(edge, "solid 1px");
      await context.close();
    });
    for (const path of ["/", "/signin", "/signup"]) {
      await audit(
        t,
        `the page at ${path}`,
        asStranger,
        appUrl + path,
      );
    }
    await audit(t, "the sign-up page after a bad post", asStranger, `${appUrl}/signup`, async (p) => {
      await p.getByLabel("Email").fill("bo@");
      await p.getByLabel("Password").fill("short");
      await p.getByRole("button", { name: "Create account" }).click();
      await p.locator("#password-error").waitFor({ timeout: UI_TIMEOUT });
    });
    await audit(t, "the studio's streams", asSeller, `${appUrl}/studio`);
    await audit(t, "the studio's products", asSeller, `${appUrl}/studio/products`);
    await audit(
      t,
      "the studio while live, with chat and a report",
      asSeller,
      `${appUrl}/studio/${streamId}`,
      (p) =>
        Promise.all([
          p.waitForSelector(".moderation-panel[data-ready] .report", { timeout: UI_TIMEOUT }),
          p.waitForSelector(".chat-panel[data-ready] .moderation-buttons", { timeout: UI_TIMEOUT }),
        ]),
    );
    await audit(t, "the watch page while playing", asStranger, watchUrl, (p) =>
      Promise.all([
        // Said to a screen reader as the video starts (the "● Live" badge shows it).
        p.getByRole("status").filter({ hasText: "The stream is live." }).waitFor({
          state: "attached",
          timeout: UI_TIMEOUT,
        }),
        p.waitForSelector(".product-tray[data-ready]", { timeout: UI_TIMEOUT }),
        p.waitForSelector(".chat-panel[data-ready]", { timeout: UI_TIMEOUT }),
      ]));
    await audit(t, "a product's sheet", asStranger, `${watchUrl}?product=${trousers}`, async (p) => {
      await p.getByRole("dialog").waitFor({ timeout: UI_TIMEOUT });
      await p.waitForSelector(".product-tray[data-ready]", { timeout: UI_TIMEOUT });
    });

    await audit(
      t,
      "the account page, refused a wrong password",
      asSeller,
      `${appUrl}/studio/account`,
      async (p) => {
        await p.getByRole("button", { name: "Delete account" }).click();
        await p.getByLabel("Your password").fill("not my password");
        await p.getByRole("button", { name: "Yes, delete my account" }).click();
        const why = p.getByRole("alert").filter({ hasText: "not this account's password" });
        await why.waitFor({ timeout: UI_TIMEOUT });
        // The field to fix is focused as the page comes back, marked, and read with its reason.
        await p.waitForFunction(
          () => {
            const field = document.activeElement;
            const reason = document.getElementById(field?.getAttribute("aria-describedby") ?? "");
            return field?.getAttribute("name") === "password" &&
              field.getAttribute("aria-invalid") === "true" &&
              reason?.textContent === "That is not this account's password";
          },
          null,
          { timeout: UI_TIMEOUT },
        );
      },
    );
    await audit(
      t,
      "the account page, refused a new password too short",
      asSeller,
      `${appUrl}/studio/account`,
      async (p) => {
        await p.getByLabel("Current password").fill("a long enough password");
        await p.getByLabel("New password").fill("short");
        await p.getByRole("button", { name: "Change password" }).click();
        await p.locator("#newPassword-error").waitFor({ timeout: UI_TIMEOUT });
        await p.waitForFunction(() => document.activeElement?.getAttribute("name") === "newPassword", null, {
          timeout: UI_TIMEOUT,
        });
      },
    );
    // Every context here shares the one session, so it stays signed in.
    await audit(
      t,
      "the account page, signed out everywhere else",
      asSeller,
      `${appUrl}/studio/account`,
      async (p) => {
        await p.getByRole("button", { name: "Sign out everywhere else" }).click();
        await p.getByRole("status").filter({ hasText: "Signed out everywhere else." }).waitFor({
          timeout: UI_TIMEOUT,
        });
      },
    );
    await audit(t, "a draft's studio, asked to delete it", asSeller, later.studioUrl, async (p) => {
      await p.getByRole("button", { name: "Delete stream" }).click({ timeout: UI_TIMEOUT });
      await p.getByRole("button", { name: "Yes, delete it" }).waitFor();
      await p.getByText("unless you go live").waitFor();
    });
    await audit(
      t,
      "the watch page of a stream that has not started",
      asStranger,
      later.watchUrl,
      (p) => p.getByText("it hasn't started yet").waitFor({ timeout: UI_TIMEOUT }),
    );
    const { messages } = await talker.evaluate(
      async (path) => await (await fetch(path)).json(),
      `/api/streams/${streamId}/chat`,
    );
    await api(studio, "POST", `/api/streams/${streamId}/bans`, { messageId: messages.at(-1).id });
    const banned = await talker.context().storageState();
    await audit(
      t,
      "the watch page of a banned viewer",
      (view) => browser.newContext({ ...view, storageState: banned }),
      watchUrl,
      (p) => p.getByText("You were banned from this shop's streams.").waitFor({ timeout: UI_TIMEOUT }),
    );

    await studio.getByRole("button", { name: "End stream" }).click();
    await studio.getByRole("button", { name: "Yes, end it" }).click();
    await studio.getByRole("status").filter({ hasText: "Its replay is saved" }).waitFor({
      timeout: UI_TIMEOUT,
    });
    const replayShown = (p: Page) =>
      p.getByRole("region", { name: "Replay" }).waitFor({ timeout: UI_TIMEOUT });
    await audit(t, "the watch page after the end, with its replay", asStranger, watchUrl, replayShown);
    await audit(
      t,
      "the studio after the end, with analytics and the replay",
      asSeller,
      `${appUrl}/studio/${streamId}`,
      replayShown,
    );
  },
);
