// Every page a seller or a viewer uses, audited by axe-core (the engine behind the
// browsers' own accessibility checks) on a 390 px phone and on a desktop, in the states
// people meet: signed out, live with pins, a highlight, chat and a report, a product
// sheet open, a stream not started yet, a banned viewer, and after the end with its replay. Any
// violation fails, with what and where, and so does a page wider than the screen.
import axe from "axe-core";
import type { BrowserContext, Page } from "playwright-core";
import { assertEquals } from "@/tests/assert.ts";
import { api, createProduct, createStreamAsSeller, goLive, liveTest, UI_TIMEOUT } from "./live_flow.ts";
import { chatLine } from "./page_state.ts";

const WIDTHS = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];
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

/** Opens `path` in a new page of a context at each width and expects no violations once `ready` holds. */
async function audit(
  t: Deno.TestContext,
  name: string,
  open: (viewport: { width: number; height: number }) => Promise<BrowserContext>,
  url: string,
  ready: (page: Page) => Promise<unknown> = () => Promise.resolve(),
): Promise<void> {
  for (const viewport of WIDTHS) {
    await t.step(`${name}, ${viewport.width} px wide`, async () => {
      const context = await open(viewport);
      try {
        const page = await context.newPage();
        await page.goto(url);
        await ready(page);
        assertEquals(await violations(page), []);
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
    const { studio, streamId, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    const shirt = await createProduct(studio, { name: "Linen shirt", image: true });
    const tote = await createProduct(studio, { name: "Canvas tote", priceMinor: 1900 });
    const scarf = await createProduct(studio, { name: "Wool scarf" });
    const trousers = await createProduct(studio, { name: UNBROKEN("Linentrousers", 120) });
    await api(studio, "PUT", `/api/streams/${streamId}/pins`, { productIds: [shirt, tote, scarf, trousers] });
    await api(studio, "PUT", `/api/streams/${streamId}/highlight`, { productId: shirt });
    const later = await api(studio, "POST", "/api/streams", { title: UNBROKEN("Autumnknits", 120) }) as {
      watchUrl: string;
      studioUrl: string;
    };
    await studio.reload();
    await studio.getByRole("checkbox", { name: /Record a replay/ }).check();
    await goLive(studio);
    const seller = await studio.context().storageState();
    const asSeller = (viewport: { width: number; height: number }) =>
      browser.newContext({ viewport, storageState: seller });
    const asStranger = (viewport: { width: number; height: number }) => browser.newContext({ viewport });

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
    await reporter.getByRole("button", { name: /^Report message from/ }).first().click();
    await reporter.getByRole("button", { name: /^Reported message from/ }).first().waitFor({
      timeout: UI_TIMEOUT,
    });

    const { appUrl } = stack;
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
      (viewport) => browser.newContext({ viewport, storageState: banned }),
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
