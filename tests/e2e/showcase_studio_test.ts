// The seller's showcase controls in the studio, driven by clicks while live: each change
// shows in the studio and is what the showcase API then reports (what viewers fetch).
// A flash sale is refused at its price field, replaced, ended early, and said when it
// runs out.
// tests/e2e/showcase_test.ts follows the same changes on the viewers' side.
import type { Page } from "playwright-core";
import type { Showcase } from "@/lib/contract/views.ts";
import { assert, assertEquals } from "@/tests/assert.ts";
import { api, createProduct, createStreamAsSeller, goLive, liveTest, UI_TIMEOUT } from "./live_flow.ts";

const pinnedOrder = (studio: Page) =>
  studio.$$eval(".pinned-item", (items) => items.map((i) => i.getAttribute("data-product-id")));

/** What the showcase has just said to a screen reader, politely: the words of its live regions. */
const said = (studio: Page) =>
  studio.$$eval(".showcase-controls [role=status]", (regions) => regions.map((r) => r.textContent));

/** Waits until the showcase says `words` (and nothing else) to a screen reader. */
const announced = (studio: Page, words: string) =>
  studio.waitForFunction(
    (words) => {
      const regions = [...document.querySelectorAll(".showcase-controls [role=status]")];
      return regions.length === 1 && regions[0]!.textContent === words;
    },
    words,
    { timeout: UI_TIMEOUT },
  );

const SALE_PRICE = ".sale-form input[name=salePrice]";

/**
 * Waits until the sale price field is refused in `words`: marked invalid, the words tied to
 * it and shown right under it, on screen (a phone's 844 px).
 */
async function refusedAtField(studio: Page, words: string) {
  await studio.waitForFunction(
    ([selector, words]) => {
      const field = document.querySelector(selector!)!;
      const id = field.getAttribute("aria-describedby");
      return field.getAttribute("aria-invalid") === "true" && !!id &&
        document.getElementById(id)?.textContent === words;
    },
    [SALE_PRICE, words],
    { timeout: UI_TIMEOUT },
  );
  const field = await studio.locator(SALE_PRICE).boundingBox();
  const error = await studio.locator(".sale-form .field-error").boundingBox();
  assert(
    field && error && error.y >= field.y + field.height && error.y - (field.y + field.height) < 40 &&
      error.y + error.height <= 844,
    `the refusal ${JSON.stringify(error)} is on screen, under the field ${JSON.stringify(field)}`,
  );
}

liveTest(
  "the seller pins, reorders, highlights and puts on sale from the studio",
  async (t, { stack, browser }) => {
    const { studio, streamId } = await createStreamAsSeller(browser, stack.appUrl);
    const shirt = await createProduct(studio, { name: "Linen shirt", priceMinor: 4900 });
    const scarf = await createProduct(studio, { name: "Silk scarf", priceMinor: 2900 });
    const tote = await createProduct(studio, { name: "Canvas tote", priceMinor: 1900 });
    await studio.reload();
    // "Record a replay" and "Viewers may post links": boxes big enough to tick (a browser's own are 13 px).
    const boxes = await studio.getByRole("checkbox").evaluateAll((boxes) =>
      boxes.map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height))
    );
    assert(boxes.length === 2 && boxes.every((side) => side >= 20), `checkboxes of 20 px at least: ${boxes}`);
    await goLive(studio);
    await studio.waitForSelector(".showcase-controls[data-ready=true]", { timeout: UI_TIMEOUT });
    // What viewers fetch: read from the page, as a viewer's browser would.
    const showcase = () =>
      studio.evaluate(
        async (path) => {
          const res = await fetch(path);
          if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
          return await res.json() as Showcase;
        },
        `/api/streams/${streamId}/showcase`,
      );
    const pinnedItem = (id: string) => `.pinned-item[data-product-id="${id}"]`;

    await t.step("the showcase's live region is there, silent, before any change", async () => {
      // One added with its words is often not read.
      assertEquals(await said(studio), [""]);
    });

    await t.step(
      "Pin moves each catalog product to the end of the pinned list, by keyboard too, and says so",
      async () => {
        // Enter on Pin: the product goes, and the focus to the next one's Pin, so Enter again pins it.
        await studio.getByRole("button", { name: "Pin Linen shirt" }).focus();
        for (const [id, name] of [[shirt, "Linen shirt"], [scarf, "Silk scarf"]] as const) {
          await studio.keyboard.press("Enter");
          await studio.waitForSelector(pinnedItem(id), { timeout: UI_TIMEOUT });
          assertEquals(await studio.locator(`.catalog-item[data-product-id="${id}"]`).count(), 0);
          await studio.waitForFunction(() =>
            document.activeElement?.getAttribute("aria-label")?.startsWith("Pin ")
          );
          await announced(studio, `Pinned ${name}`);
        }
        // The last: no Pin button is left to go on to, so the focus goes to the product just pinned.
        await studio.keyboard.press("Enter");
        await studio.waitForSelector(pinnedItem(tote), { timeout: UI_TIMEOUT });
        await announced(studio, "Pinned Canvas tote");
        await studio.waitForFunction(() =>
          document.activeElement?.getAttribute("aria-label") === "Move Canvas tote up"
        );
        assertEquals(await pinnedOrder(studio), [shirt, scarf, tote]);
        assert(await studio.isDisabled("button[aria-label='Move Linen shirt up']"), "the first cannot go up");
        assert(
          await studio.isDisabled("button[aria-label='Move Canvas tote down']"),
          "the last cannot go down",
        );
      },
    );

    await t.step(
      "the arrows move the third product to first, in the studio and on the server, and say where",
      async () => {
        // By keyboard: the focus stays on the arrow as its product moves, so Enter again moves it
        // again; at the top, where it cannot go up, the focus goes to its other arrow.
        await studio.getByRole("button", { name: "Move Canvas tote up" }).focus();
        const moves = [[2, "Move Canvas tote up", "2nd"], [1, "Move Canvas tote down", "1st"]] as const;
        for (const [position, focused, place] of moves) {
          await studio.keyboard.press("Enter");
          await studio.waitForSelector(`.pinned-item:nth-child(${position})[data-product-id="${tote}"]`, {
            timeout: UI_TIMEOUT,
          });
          await announced(studio, `Moved Canvas tote up, to ${place}`);
          await studio.waitForFunction(
            (name) => document.activeElement?.getAttribute("aria-label") === name,
            focused,
          );
        }
        assertEquals(await pinnedOrder(studio), [tote, shirt, scarf]);
        assertEquals((await showcase()).pins.map((p) => p.id), [tote, shirt, scarf]);
      },
    );

    await t.step(
      "Highlight marks the product, and says so, and the server reports it highlighted",
      async () => {
        await studio.getByRole("button", { name: "Highlight Linen shirt" }).focus();
        await studio.keyboard.press("Enter");
        await studio.waitForSelector(`${pinnedItem(shirt)}.highlighted .highlighted-mark`, {
          timeout: UI_TIMEOUT,
        });
        await announced(studio, "Highlighted Linen shirt");
        assertEquals((await showcase()).highlight?.id, shirt);
      },
    );

    await t.step(
      "on a phone, a sale price not below the list price, or of zero, is refused at its field before it is sent",
      async () => {
        await studio.setViewportSize({ width: 390, height: 844 });
        // Under the chat on a phone: the seller scrolls down to the sale form.
        await studio.locator(SALE_PRICE).evaluate((field) => field.scrollIntoView({ block: "center" }));
        const sent: string[] = [];
        const sending = (req: { url(): string }) =>
          void (req.url().endsWith("/sale") && sent.push(req.url()));
        studio.on("request", sending);
        const refusals: [price: string, reason: string][] = [
          ["49.00", "The sale price must be below the list price"],
          ["0", "The sale price must be more than zero"],
          ["0,00", "The sale price must be more than zero"],
        ];
        for (const [price, reason] of refusals) {
          await studio.fill(SALE_PRICE, price);
          await refusedAtField(studio, reason);
          assert(await studio.isDisabled(".sale-form button[type=submit]"), `nothing to press at ${price}`);
          await studio.press(SALE_PRICE, "Enter");
        }
        await studio.waitForTimeout(300);
        studio.off("request", sending);
        assertEquals(sent, [], "nothing sent");
      },
    );

    await t.step("the server's refusal is shown at the field too, and the focus goes there", async () => {
      // The price changed on its way, as if the list price had just dropped under the studio.
      await studio.route("**/sale", async (route) => {
        await route.continue({ postData: JSON.stringify({ salePriceMinor: 4900, durationSeconds: 60 }) });
      }, { times: 1 });
      await studio.fill(SALE_PRICE, "39.00");
      await studio.click(".sale-form button[type=submit]");
      await refusedAtField(studio, "The sale price must be below the list price");
      await studio.waitForFunction((field) => document.activeElement?.matches(field), SALE_PRICE, {
        timeout: UI_TIMEOUT,
      });
      assertEquals(await studio.locator(".showcase-controls [role=alert]").count(), 0, "not above the list");
      assertEquals(await said(studio), [""], "a failure is not said as done");
      assertEquals((await showcase()).sale, null);
    });

    await t.step(
      "a 1 min flash sale, started by keyboard, is said (for a few seconds) and counts down from the server's clock",
      async () => {
        await studio.fill(".sale-form input[name=salePrice]", "39.00");
        assertEquals(await studio.textContent(".sale-form output"), "€39.00", "the typed price, formatted");
        await studio.selectOption(".sale-form select[name=durationSeconds]", "60");
        await studio.focus(".sale-form input[name=salePrice]");
        await studio.keyboard.press("Enter");
        await announced(studio, "Flash sale on Linen shirt: €39.00 for 1 minute");
        const countdown = ".highlight-status .sale-countdown";
        await studio.waitForSelector(countdown, { timeout: UI_TIMEOUT });
        const left = Number(await studio.getAttribute(countdown, "data-remaining-seconds"));
        assert(left >= 50 && left <= 60, `seconds left: ${left}`);
        const status = await studio.textContent(".highlight-status");
        assert(status?.includes("€39.00") && status.includes("€49.00"), `sale and list price: ${status}`);
        assertEquals(await studio.locator(".showcase-controls [role=alert]").count(), 0, "the error is gone");
        const { sale } = await showcase();
        assertEquals([sale?.productId, sale?.salePriceMinor], [shirt, 3900]);
        // Screen readers said it: left there, it would still claim the sale once it is over.
        await announced(studio, "");
      },
    );

    await t.step("after a reload, on a phone-sized screen, the studio shows the same showcase", async () => {
      await studio.setViewportSize({ width: 390, height: 844 });
      await studio.reload();
      assertEquals(await pinnedOrder(studio), [tote, shirt, scarf]);
      await studio.waitForSelector(".showcase-controls[data-ready=true]", { timeout: UI_TIMEOUT });
      await studio.waitForSelector(`${pinnedItem(shirt)}.highlighted`, { timeout: UI_TIMEOUT });
      await studio.waitForSelector(".highlight-status .sale-countdown", { timeout: UI_TIMEOUT });
      const overflow = await studio.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assertEquals(overflow, 0, "no sideways scroll at 390 px");
      const heights = await studio.$$eval(
        ".showcase-controls button",
        (buttons) => buttons.map((b) => b.getBoundingClientRect().height),
      );
      assert(heights.every((h) => h >= 40), `buttons are big enough to tap: ${heights}`);
    });

    await t.step(
      "while a sale runs the form says a new one replaces it, and End sale ends it at once",
      async () => {
        const form = studio.locator(".sale-form");
        await form.getByText(/^A sale runs until .+: starting a new one replaces it\.$/).waitFor({
          timeout: UI_TIMEOUT,
        });
        await studio.fill(SALE_PRICE, "35.00");
        await form.getByRole("button", { name: "Replace sale" }).click();
        await announced(studio, "Flash sale on Linen shirt: €35.00 for 1 minute");
        assertEquals((await showcase()).sale?.salePriceMinor, 3500);
        await studio.getByRole("button", { name: "End sale on Linen shirt" }).click();
        await announced(studio, "Ended the sale on Linen shirt");
        await studio.waitForSelector(".highlight-status .sale-countdown", {
          state: "detached",
          timeout: UI_TIMEOUT,
        });
        assertEquals((await showcase()).sale, null);
        await form.getByRole("button", { name: "Start flash sale" }).waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await form.getByText("A sale runs until").count(), 0);
      },
    );

    await t.step("a sale that runs out is said once", async () => {
      await studio.fill(SALE_PRICE, "39.00");
      await studio.selectOption(".sale-form select[name=durationSeconds]", "10");
      await studio.click(".sale-form button[type=submit]");
      await announced(studio, "Flash sale on Linen shirt: €39.00 for 10 seconds");
      await studio.getByRole("button", { name: "End sale on Linen shirt" }).waitFor();
      await announced(studio, "The sale on Linen shirt ended");
      await studio.getByRole("button", { name: "End sale on Linen shirt" }).waitFor({ state: "detached" });
      assertEquals(await studio.locator(".sale-form button[type=submit]").textContent(), "Start flash sale");
      await announced(studio, "");
      await studio.waitForTimeout(1_000);
      assertEquals(await said(studio), [""], "once");
      // Running again as the highlight goes.
      await studio.selectOption(".sale-form select[name=durationSeconds]", "60");
      await studio.click(".sale-form button[type=submit]");
      await announced(studio, "Flash sale on Linen shirt: €39.00 for 1 minute");
    });

    await t.step("Clear highlight leaves nothing highlighted, on the server too, and says so", async () => {
      await studio.click(".showcase-controls button:has-text('Clear highlight')");
      await studio.waitForSelector(".pinned-item.highlighted", { state: "detached", timeout: UI_TIMEOUT });
      // The sale ran on it, and went with it.
      await announced(studio, "Cleared the highlight; the sale on Linen shirt ended");
      assertEquals(await studio.locator(".sale-form").count(), 0, "no sale without a highlight");
      assertEquals((await showcase()).highlight, null);
    });

    await t.step("Unpin puts a product back in the catalog, and says so", async () => {
      await studio.click(`${pinnedItem(scarf)} button:has-text('Unpin')`);
      await studio.waitForSelector(`.catalog-item[data-product-id="${scarf}"]`, { timeout: UI_TIMEOUT });
      await announced(studio, "Unpinned Silk scarf");
      assertEquals(await pinnedOrder(studio), [tote, shirt]);
      assertEquals((await showcase()).pins.map((p) => p.id), [tote, shirt]);
      // On the phone the two lists look alike: each has a heading in view that names it, the pins counted.
      const list = (name: string) => studio.getByRole("list", { name, exact: true });
      assertEquals(await list("On show now (2 of 6)").locator(".pinned-item").count(), 2);
      assertEquals(await list("Your catalog").getByRole("button", { name: "Pin Silk scarf" }).count(), 1);
      for (const name of ["On show now (2 of 6)", "Your catalog"]) {
        assert(await studio.getByRole("heading", { name, exact: true }).isVisible(), name);
      }
    });

    await t.step(
      "a pinned product edited on the Products page changes in the studio at once",
      async () => {
        await api(studio, "PATCH", `/api/products/${shirt}`, { name: "Linen shirt, blue", priceMinor: 5900 });
        // The seller comes back to the studio's tab.
        await studio.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
        await studio.locator(pinnedItem(shirt)).getByText("Linen shirt, blue").waitFor({
          timeout: UI_TIMEOUT,
        });
        await studio.locator(pinnedItem(shirt)).getByText("€59.00").waitFor({ timeout: UI_TIMEOUT });
      },
    );

    await t.step(
      "a product deleted in another tab leaves the studio's catalog as the seller comes back",
      async () => {
        await api(studio, "DELETE", `/api/products/${scarf}`);
        await studio.evaluate(() => dispatchEvent(new Event("focus")));
        await studio.waitForSelector(`.catalog-item[data-product-id="${scarf}"]`, {
          state: "detached",
          timeout: UI_TIMEOUT,
        });
      },
    );

    await t.step(
      "a slow action does not take the focus back from the control the seller went on to",
      async () => {
        // Both answers held: adding a product, then a highlight the seller asks for meanwhile.
        const held = async (method: string, path: RegExp) => {
          let release!: () => void;
          const released = new Promise<void>((resolve) => release = resolve);
          let asked!: () => void;
          const wasAsked = new Promise<void>((resolve) => asked = resolve);
          let first = true;
          await studio.route((url) => path.test(url.pathname), async (route) => {
            if (route.request().method() !== method || !first) return await route.fallback();
            first = false;
            asked();
            await released;
            await route.continue();
          });
          return { release, wasAsked };
        };
        const adding = await held("POST", /^\/api\/products$/);
        const highlighting = await held("PUT", /\/highlight$/);
        await studio.getByText("Add a product", { exact: true }).click();
        await studio.getByLabel("Name", { exact: true }).fill("Wool hat");
        await studio.getByLabel("Price", { exact: true }).fill("12");
        await studio.getByRole("button", { name: "Add to catalog" }).click();
        await adding.wasAsked;
        await studio.getByRole("button", { name: "Highlight Linen shirt, blue" }).focus();
        await studio.keyboard.press("Enter");
        await highlighting.wasAsked;
        adding.release();
        await studio.locator(".catalog-item").getByText("Wool hat").waitFor({ timeout: UI_TIMEOUT });
        highlighting.release();
        await studio.waitForSelector(`${pinnedItem(shirt)}.highlighted`, { timeout: UI_TIMEOUT });
        await studio.waitForFunction(
          (item) => document.activeElement?.closest(item) !== null,
          pinnedItem(shirt),
          { timeout: UI_TIMEOUT },
        );
        await studio.waitForTimeout(300);
        assert(
          await studio.evaluate((item) => document.activeElement?.closest(item) !== null, pinnedItem(shirt)),
          "still with the product highlighted, not back in the form",
        );
      },
    );

    await t.step(
      "a slow read of the showcase, overtaken by the seller's change, does not undo it",
      async () => {
        // The studio reads the showcase as the seller comes back to its tab; that read's answer
        // is held until the seller has highlighted a product, so it arrives older than the change.
        let read!: () => void;
        const wasRead = new Promise<void>((resolve) => read = resolve);
        let release!: () => void;
        const released = new Promise<void>((resolve) => release = resolve);
        let delivered!: Promise<void>;
        await studio.route("**/showcase", (route) => {
          delivered = (async () => {
            const answer = await route.fetch();
            read();
            await released;
            await route.fulfill({ response: answer });
          })();
        }, { times: 1 });
        await studio.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
        await wasRead;
        await studio.click(`${pinnedItem(tote)} button:has-text('Highlight')`);
        await studio.waitForSelector(`${pinnedItem(tote)}.highlighted`, { timeout: UI_TIMEOUT });
        release();
        await delivered;
        await studio.waitForTimeout(500);
        assert(await studio.isVisible(`${pinnedItem(tote)}.highlighted`), "the highlight stays");
        assertEquals((await showcase()).highlight?.id, tote);
      },
    );

    await t.step(
      "once the stream has ended the showcase is shown, not changed, and the camera stays off",
      async () => {
        // The reload before stopped the broadcast: resume it, as a seller would, to end it.
        await studio.click("button:has-text('Resume broadcast')");
        await studio.waitForSelector(".studio[data-phase=live]", { timeout: UI_TIMEOUT });
        await studio.click("button:has-text('End stream')");
        await studio.click("button:has-text('Yes, end it')");
        await studio.waitForSelector(".studio[data-phase=ended]", { timeout: UI_TIMEOUT });
        await studio.reload();
        await studio.waitForSelector(".showcase-controls[data-ready=true]", { timeout: UI_TIMEOUT });
        assertEquals(await pinnedOrder(studio), [tote, shirt]);
        assertEquals(await studio.locator(".showcase-controls button, .showcase-controls form").count(), 0);
        // Nothing can be broadcast any more: the camera stays off.
        await studio.waitForTimeout(1_000);
        assertEquals(
          await studio.evaluate(() =>
            (document.querySelector(".studio video") as HTMLVideoElement).srcObject
          ),
          null,
        );
      },
    );
  },
);

liveTest("a sale price typed for one product is not kept for the next one highlighted", async (_t, {
  stack,
  browser,
}) => {
  const { studio, streamId } = await createStreamAsSeller(browser, stack.appUrl);
  const shirt = await createProduct(studio, { name: "Linen shirt", priceMinor: 4990 });
  const socks = await createProduct(studio, { name: "Socks", priceMinor: 950 });
  const base = `/api/streams/${streamId}`;
  await api(studio, "PUT", `${base}/pins`, { productIds: [shirt, socks] });
  await api(studio, "PUT", `${base}/highlight`, { productId: shirt });
  await studio.reload();
  await studio.fill(SALE_PRICE, "39.90");
  await studio.click(".sale-form button[type=submit]");
  await studio.getByRole("button", { name: "End sale on Linen shirt" }).waitFor({ timeout: UI_TIMEOUT });
  // Another tab highlights the socks: this one learns it from its reads every few seconds.
  await api(studio, "PUT", `${base}/highlight`, { productId: socks });
  await studio.getByText("Highlighted: Socks").waitFor({ timeout: UI_TIMEOUT });
  assertEquals(await studio.locator(SALE_PRICE).inputValue(), "");
  assertEquals(await studio.getByText("The sale price must be below the list price").count(), 0);
});
