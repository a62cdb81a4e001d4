// Sales end to end with real parts: a viewer reserves a pinned product, the seller's
// studio shows (and says) the reservation and the stock left dropping as LiveKit delivers
// them, the buyer hears at once when the seller marks it paid, and once the stream has
// ended the studio shows the stream's numbers.
import type { Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import {
  api,
  createProduct,
  createStreamAsSeller,
  goLive,
  liveTest,
  openViewer,
  UI_TIMEOUT,
} from "./live_flow.ts";

/** Keeps every word the studio's Sales list says to a screen reader from now on (`said`). */
const listen = (studio: Page) =>
  studio.evaluate(() => {
    const region = document.querySelector(".sales-feed [role=status]")!;
    const said: string[] = (globalThis as { said?: string[] }).said = [];
    new MutationObserver(() => region.textContent && said.push(region.textContent))
      .observe(region, { childList: true, characterData: true, subtree: true });
  });

/** Waits until the Sales list has said `words`, in order, and nothing else. */
async function saidAll(studio: Page, words: string[]) {
  const said = () => studio.evaluate(() => (globalThis as { said?: string[] }).said);
  await studio.waitForFunction(
    (words) => JSON.stringify((globalThis as { said?: string[] }).said) === JSON.stringify(words),
    words,
    { timeout: UI_TIMEOUT },
  ).catch(async () => assertEquals(await said(), words));
}

/** Waits until the keyboard's focus is on the Sales list's line in `status`. */
const focusOnLine = (studio: Page, status: string) =>
  studio.waitForFunction(
    (status) => document.activeElement?.matches(`.sales-feed .reservation[data-status=${status}]`),
    status,
    { timeout: UI_TIMEOUT },
  );

liveTest(
  "a viewer's reservation reaches the studio live with the stock left, and the studio shows analytics after the end",
  async (t, { stack, browser }) => {
    const { studio, streamId, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    const productId = await createProduct(studio);
    await api(studio, "PUT", `/api/streams/${streamId}/pins`, { productIds: [productId] });
    await studio.reload();
    const stockLeft = `.sales-feed .stock-left[data-product-id="${productId}"]`;
    assertEquals(await studio.getAttribute(stockLeft, "data-stock"), "5", "server-rendered stock");
    await goLive(studio);
    await studio.waitForSelector(".sales-feed[data-ready=true]", { timeout: UI_TIMEOUT });

    const viewer = await openViewer(browser, watchUrl);
    await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
    await listen(studio);
    let buyer = "";

    await t.step(
      "the viewer reserves 2, and the studio shows who, what, how many, for how much, and 3 left",
      async () => {
        // The calls the product sheet makes (tests/e2e/showcase_test.ts drives the sheet itself).
        await api(viewer, "POST", `/api/streams/${streamId}/products/${productId}/opened`);
        await api(viewer, "POST", `/api/streams/${streamId}/cart/items`, {
          productId: productId,
          quantity: 2,
        });
        await api(viewer, "POST", `/api/streams/${streamId}/reservations`);
        await studio.waitForSelector(".sales-feed .reservation[data-id]", { timeout: UI_TIMEOUT });
        const line = await studio.textContent(".sales-feed .reservation");
        assert(
          line?.includes("2 × Linen shirt for €98.00"),
          `reservation line, with what to collect: ${line}`,
        );
        await studio.waitForSelector(`${stockLeft}[data-stock="3"]`, { timeout: UI_TIMEOUT });
        // Said once, as it comes; not again when the studio reads its sales again.
        buyer = (await studio.textContent(".sales-feed .reservation-name"))!;
        await saidAll(studio, [`${buyer} reserved 2 × Linen shirt`]);
        await Promise.all([
          studio.waitForResponse((res) => res.url().endsWith("/sales")),
          studio.evaluate(() => document.dispatchEvent(new Event("visibilitychange"))),
        ]);
        await studio.waitForTimeout(300);
        await saidAll(studio, [`${buyer} reserved 2 × Linen shirt`]);
        // Made outside the page (as from another tab): the page hears of it, to this buyer alone.
        await viewer.getByRole("region", { name: "Held for you" }).getByText("2 × Linen shirt")
          .waitFor({ timeout: UI_TIMEOUT });
      },
    );

    await t.step("the seller marks it paid: the buyer hears at once, and the hold goes", async () => {
      // By keyboard: the focus stays on the line, now paid, and the studio says so.
      await studio.locator(".sales-feed .reservation").getByRole("button", { name: "Mark paid" }).focus();
      await studio.keyboard.press("Enter");
      await focusOnLine(studio, "paid");
      await saidAll(studio, [`${buyer} reserved 2 × Linen shirt`, `Marked paid: ${buyer}, 2 × Linen shirt`]);
      await viewer.getByRole("status").filter({
        hasText: "The seller marked 2 × Linen shirt paid. Thank you!",
      })
        .waitFor({ timeout: UI_TIMEOUT });
      await viewer.getByRole("region", { name: "Held for you" }).waitFor({
        state: "detached",
        timeout: UI_TIMEOUT,
      });
      // Two more holds, open when the stream ends.
      for (let i = 0; i < 2; i++) {
        await api(viewer, "POST", `/api/streams/${streamId}/cart/items`, { productId, quantity: 1 });
        await api(viewer, "POST", `/api/streams/${streamId}/reservations`);
      }
      await viewer.locator(".holds .hold").nth(1).waitFor({ timeout: UI_TIMEOUT });
      // Each said, though in the same words.
      await saidAll(studio, [
        `${buyer} reserved 2 × Linen shirt`,
        `Marked paid: ${buyer}, 2 × Linen shirt`,
        `${buyer} reserved 1 × Linen shirt`,
        `${buyer} reserved 1 × Linen shirt`,
      ]);
    });

    await t.step("a price the seller changes reaches the buyer's cart at once", async () => {
      await api(viewer, "POST", `/api/streams/${streamId}/cart/items`, { productId, quantity: 1 });
      await viewer.reload();
      const total = viewer.locator(`.cart-item[data-product-id="${productId}"] .line-total`);
      assertEquals(await total.textContent({ timeout: UI_TIMEOUT }), "€49.00");
      await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
      // Twice: a message missed while the reloaded page joined has it fetch everything at the
      // next one; after that, only the room's word on the change can update the cart.
      for (const [minor, shown] of [[5900, "€59.00"], [6900, "€69.00"]] as const) {
        await viewer.waitForLoadState("networkidle");
        await api(studio, "PATCH", `/api/products/${productId}`, { priceMinor: minor });
        await viewer.locator(`.cart-item[data-product-id="${productId}"] .line-total`, { hasText: shown })
          .waitFor({ timeout: UI_TIMEOUT });
      }
      await api(viewer, "POST", `/api/streams/${streamId}/cart/items`, { productId, quantity: 0 });
    });

    await t.step(
      "a product priced in another currency while in the cart: no one total, and Reserve waits",
      async () => {
        const hat = await createProduct(studio, { name: "Wool hat", priceMinor: 1500 });
        await api(studio, "PUT", `/api/streams/${streamId}/pins`, { productIds: [productId, hat] });
        for (const id of [productId, hat]) {
          await api(viewer, "POST", `/api/streams/${streamId}/cart/items`, { productId: id, quantity: 1 });
        }
        await viewer.reload();
        const cart = viewer.getByRole("region", { name: "Your cart" });
        await cart.getByText("Total €84.00").waitFor({ timeout: UI_TIMEOUT });
        await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
        await viewer.waitForLoadState("networkidle");
        await api(studio, "PATCH", `/api/products/${hat}`, { currency: "USD", priceMinor: 1700 });
        await cart.getByText("Prices in two currencies: remove one to reserve").waitFor({
          timeout: UI_TIMEOUT,
        });
        assert(await cart.getByRole("button", { name: "Reserve" }).isDisabled(), "Reserve waits");
        await cart.getByRole("button", { name: "Remove Wool hat" }).click();
        await cart.getByText("Total €69.00").waitFor({ timeout: UI_TIMEOUT });
        assert(await cart.getByRole("button", { name: "Reserve" }).isEnabled());
        await api(viewer, "POST", `/api/streams/${streamId}/cart/items`, { productId, quantity: 0 });
        await api(studio, "PUT", `/api/streams/${streamId}/pins`, { productIds: [productId] });
      },
    );

    await t.step(
      "a buyer whose browser speaks Arabic at Pago Pago reads a hold's time alike before and after the page wakes",
      async () => {
        // The same buyer (their cookies) in a browser set up far away.
        const far = await browser.newContext({
          storageState: await viewer.context().storageState(),
          locale: "ar-EG",
          timezoneId: "Pacific/Pago_Pago",
        });
        try {
          const page = await far.newPage();
          await page.goto(watchUrl);
          // Once awake, the page tells the server its zone, for the pages it writes next.
          await page.waitForFunction(() => document.cookie.includes("tz=Pacific/Pago_Pago"), null, {
            timeout: UI_TIMEOUT,
          });
          const written = (await (await page.request.get(watchUrl)).text())
            .match(/held for you until <time datetime="([^"]+)">([^<]*)<\/time>/);
          assert(written, "the server writes the hold");
          const [, at, time] = written;
          // UTC−11, in the English sentence's own digits.
          assertEquals(time, new Date(Date.parse(at!) - 11 * 60 * 60_000).toISOString().slice(11, 16));
          await page.reload();
          await page.waitForSelector(".product-tray[data-ready=true]", { timeout: UI_TIMEOUT });
          assertEquals(await page.locator(`.holds time[datetime="${at}"]`).textContent(), time, "once awake");
        } finally {
          await far.close();
        }
      },
    );

    await t.step(
      "ending changes every open page at once: numbers in the studio, chat and cart on the watch page",
      async () => {
        await viewer.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument = true);
        await studio.click("button:has-text('End stream')");
        await studio.click("button:has-text('Yes, end it')");
        await studio.waitForSelector(".studio[data-phase=ended]", { timeout: UI_TIMEOUT });
        const stat = (name: string) =>
          studio.getAttribute(`.stream-analytics [data-stat=${name}]`, "data-value", { timeout: UI_TIMEOUT });
        const numbers = async () => {
          assertEquals(await stat("reservations"), "3");
          assertEquals(await stat("unitsReserved"), "4");
          assertEquals(await stat("uniqueViewers"), "1");
          assertEquals(await stat("peakViewers"), "1");
          assertEquals(await stat("sheetOpens"), "1");
        };
        await numbers();
        // The showcase stays on view in the studio, with nothing left to press.
        await studio.getByRole("region", { name: "Showcase" }).getByText("Linen shirt").first().waitFor();
        await studio.waitForFunction(() => !document.querySelector(".showcase-controls button"), null, {
          timeout: UI_TIMEOUT,
        });
        await viewer.waitForSelector(".chat-closed:has-text('Chat is closed')", { timeout: UI_TIMEOUT });
        assertEquals(await viewer.locator(".chat-input").count(), 0, "the chat box is gone");
        // Each hold says it stays held, and until when; the cart, empty, is not spoken of.
        const holds = viewer.getByRole("region", { name: "Held for you" }).getByRole("listitem");
        assertEquals(await holds.filter({ hasText: "held for you until" }).count(), 2);
        assertEquals(await viewer.locator(".cart-ended").count(), 0, "no word of an empty cart");
        assert(await viewer.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument));
        // A product's sheet says why there is nothing to buy, and opening it counts for nothing now.
        await viewer.click(`.tray-item[data-product-id="${productId}"] button`);
        const sheet = viewer.getByRole("dialog", { name: "Linen shirt" });
        await sheet.getByRole("status").filter({
          hasText: "This stream has ended, so buying here is closed.",
        })
          .waitFor({ timeout: UI_TIMEOUT });
        assertEquals(await sheet.getByRole("button", { name: "Add to cart" }).count(), 0);
        await viewer.keyboard.press("Escape");
        await studio.reload();
        await numbers();
        // The reservations stay listed after the stream.
        assertEquals(await studio.locator(".sales-feed .reservation").count(), 3);
      },
    );

    await t.step(
      "after the end, a hold released by the seller or let go by the buyer gives its stock back on their page",
      async () => {
        // The room is closed: no stock message comes, so each page asks after its own change.
        await studio.waitForSelector(`${stockLeft}[data-stock="1"]`);
        const held = studio.locator(".sales-feed .reservation[data-status=held]");
        const holds = await viewer.locator(".holds .hold").count();
        // Those listed as the page loads are not said; a tap on Release is, and keeps the focus there.
        await listen(studio);
        await held.first().getByRole("button", { name: "Release" }).click();
        await studio.waitForSelector(`${stockLeft}[data-stock="2"]`, { timeout: UI_TIMEOUT });
        await focusOnLine(studio, "released");
        await saidAll(studio, [`Released: ${buyer}, 1 × Linen shirt`]);
        // The buyer's open page asks after its holds every 20 s once nothing is heard.
        await viewer.waitForFunction(
          (before) => document.querySelectorAll(".holds .hold").length === before - 1,
          holds,
          { timeout: 30_000 },
        );
        await viewer.reload();
        await viewer.locator(".holds .hold").getByRole("button", { name: "Let go of 1 × Linen shirt" })
          .click();
        await viewer.waitForSelector(
          `.tray-item[data-product-id="${productId}"] .stock-note:has-text("3 left")`,
          { timeout: UI_TIMEOUT },
        );
      },
    );
  },
);
