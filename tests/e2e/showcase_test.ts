// Live commerce as viewers see it, with real parts: the seller pins, reorders and
// highlights products and runs a flash sale from the studio; viewers' trays, highlight
// cards and countdowns follow (one viewer's clock runs 90 s fast), a late viewer on a
// phone gets the highlight in the page's HTML, and a viewer buys through the sheet.
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

/** Runs the page's clock 90 s fast, as a viewer's badly set phone would. */
async function skewClock(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const RealDate = Date;
    const skew = 90_000;
    globalThis.Date = class extends RealDate {
      constructor(...args: []) {
        super(...(args.length ? args : [RealDate.now() + skew] as unknown as []));
      }
      static override now() {
        return RealDate.now() + skew;
      }
    } as DateConstructor;
  });
}

const trayOrder = (page: Page) =>
  page.$$eval(".product-tray .tray-item", (items) => items.map((i) => i.getAttribute("data-product-id")));

async function waitForTrayOrder(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction(
    (ids) =>
      [...document.querySelectorAll(".product-tray .tray-item")].map((i) => i.getAttribute("data-product-id"))
        .join() === ids.join(),
    expected,
    { timeout: UI_TIMEOUT },
  );
}

/** The highlight card lies over the video: inside the stage's box, clear of the live badge. */
async function assertOverVideo(page: Page, productId: string): Promise<void> {
  const card = await page.locator(`.watch-stage .highlight-card[data-product-id="${productId}"]`)
    .boundingBox();
  const video = await page.locator(".watch-stage video").first().boundingBox();
  assert(card && video, "card and video are both visible");
  assert(
    card.x >= video.x && card.y >= video.y && card.x + card.width <= video.x + video.width + 1 &&
      card.y + card.height <= video.y + video.height + 1,
    `card ${JSON.stringify(card)} lies over the video ${JSON.stringify(video)}`,
  );
  const live = await page.getByText("● Live").boundingBox();
  assert(live, "the live badge shows");
  const apart = live.x >= card.x + card.width || live.x + live.width <= card.x ||
    live.y >= card.y + card.height || live.y + live.height <= card.y;
  assert(apart, `the live badge ${JSON.stringify(live)} is clear of the card ${JSON.stringify(card)}`);
}

/** How much of the video's width and height the highlight card covers (0 to 1: clear of it, to all of it). */
async function cardCover(page: Page): Promise<{ width: number; height: number }> {
  const card = (await page.locator(".watch-stage .highlight-card").boundingBox())!;
  const video = (await page.locator(".watch-stage video").first().boundingBox())!;
  const overlap = (start: number, size: number, videoStart: number, videoSize: number) =>
    Math.max(0, Math.min(start + size, videoStart + videoSize) - Math.max(start, videoStart)) / videoSize;
  const [width, height] = [
    overlap(card.x, card.width, video.x, video.width),
    overlap(card.y, card.height, video.y, video.height),
  ];
  // Beside or under it, the card covers nothing of it.
  return width && height ? { width, height } : { width: 0, height: 0 };
}

liveTest(
  "pins, the highlight and a flash sale reach every viewer, late ones too, and viewers buy",
  async (t, { stack, browser }) => {
    const { studio, watchUrl, streamId } = await createStreamAsSeller(browser, stack.appUrl);
    const base = { description: "Washed linen.\nRelaxed fit." };
    const shirt = await createProduct(studio, { ...base, name: "Linen shirt", stock: 1, image: true });
    const scarf = await createProduct(studio, { ...base, name: "Silk scarf", priceMinor: 2900 });
    const tote = await createProduct(studio, {
      ...base,
      name: "Canvas tote",
      priceMinor: 1900,
      stock: 8,
      buyUrl: "https://shop.example/tote",
    });
    await studio.reload();
    const controls = ".showcase-controls[data-ready=true]";
    await studio.waitForSelector(controls, { timeout: UI_TIMEOUT });
    for (const id of [shirt, scarf, tote]) {
      await studio.click(`.catalog-item[data-product-id="${id}"] button:has-text('Pin')`);
      await studio.waitForSelector(`.pinned-item[data-product-id="${id}"]`, { timeout: UI_TIMEOUT });
    }
    await goLive(studio);

    const viewers: Page[] = [];
    for (const skewed of [false, true]) {
      const viewer = await openViewer(browser, watchUrl);
      if (skewed) {
        await skewClock(viewer);
        await viewer.reload();
      }
      await viewer.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
      await viewer.waitForSelector(".product-tray[data-ready=true]", { timeout: UI_TIMEOUT });
      viewers.push(viewer);
    }
    const [first, second] = viewers as [Page, Page];

    await t.step("viewers show the pinned products in the order the seller sets", async () => {
      for (const viewer of viewers) assertEquals(await trayOrder(viewer), [shirt, scarf, tote]);
      await studio.click("button[aria-label='Move Canvas tote up']");
      await studio.waitForSelector(`.pinned-item:nth-child(2)[data-product-id="${tote}"]`, {
        timeout: UI_TIMEOUT,
      });
      await studio.click("button[aria-label='Move Canvas tote up']");
      await studio.waitForSelector(`.pinned-item:nth-child(1)[data-product-id="${tote}"]`, {
        timeout: UI_TIMEOUT,
      });
      for (const viewer of viewers) await waitForTrayOrder(viewer, [tote, shirt, scarf]);
      // A screen reader hears what is taken off and put on (a move is seen, not said).
      await studio.click(`.pinned-item[data-product-id="${scarf}"] button:has-text('Unpin')`);
      for (const viewer of viewers) {
        await viewer.getByRole("status").filter({ hasText: "No longer on show: Silk scarf." })
          .waitFor({ timeout: UI_TIMEOUT });
      }
      await studio.click(`.catalog-item[data-product-id="${scarf}"] button:has-text('Pin')`);
      for (const viewer of viewers) {
        await viewer.getByRole("status").filter({ hasText: "Now on show: Silk scarf." })
          .waitFor({ timeout: UI_TIMEOUT });
        await waitForTrayOrder(viewer, [tote, shirt, scarf]);
      }
    });

    await t.step("a highlight in the studio shows over the video on both viewers", async () => {
      await studio.click(`.pinned-item[data-product-id="${shirt}"] button:has-text('Highlight')`);
      for (const viewer of viewers) {
        await viewer.waitForSelector(`.watch-stage .highlight-card[data-product-id="${shirt}"]`, {
          timeout: UI_TIMEOUT,
        });
        await assertOverVideo(viewer, shirt);
        const text = await viewer.textContent(".highlight-card");
        assert(
          text?.includes("Linen shirt") && text.includes("€49.00") && text.includes("1 left"),
          `card: ${text}`,
        );
        const src = await viewer.getAttribute(".highlight-card img", "src");
        assert(src?.startsWith("/images/"), `the card shows the product's image: ${src}`);
      }
      // A wide screen keeps chat in a column of its own, beside the video.
      const video = (await first.locator(".watch-stage video").first().boundingBox())!;
      const chat = (await first.getByRole("region", { name: "Chat" }).boundingBox())!;
      assert(chat.x >= video.x + video.width && chat.y < video.y + video.height, "chat beside the video");
    });

    await t.step(
      "a screen reader hears each new highlight whole, as a card added to the live region",
      async () => {
        const [viewer] = viewers as [Page];
        const slot = viewer.locator(".highlight-slot");
        assertEquals(await slot.getAttribute("aria-live"), "polite");
        assertEquals(
          await slot.getAttribute("aria-relevant"),
          "additions",
          "price and stock changes are not read",
        );
        await viewer.evaluate(() => {
          const added: string[] = [];
          (globalThis as { __added?: string[] }).__added = added;
          new MutationObserver((records) => {
            for (const r of records) {
              for (const n of r.addedNodes) {
                if (n instanceof HTMLElement) added.push(n.dataset.productId ?? n.tagName);
              }
            }
          }).observe(document.querySelector(".highlight-slot")!, { childList: true, subtree: true });
        });
        for (const [id, name] of [[scarf, "Silk scarf"], [shirt, "Linen shirt"]] as const) {
          await studio.click(`.pinned-item[data-product-id="${id}"] button:has-text('Highlight')`);
          await slot.locator(`.highlight-card[data-product-id="${id}"]`).getByText(name).waitFor({
            timeout: UI_TIMEOUT,
          });
        }
        assertEquals(await viewer.evaluate(() => (globalThis as { __added?: string[] }).__added), [
          scarf,
          shirt,
        ]);
      },
    );

    await t.step(
      "a viewer who arrives later, on a phone, sees the highlight in the page itself",
      async () => {
        const html = await (await fetch(watchUrl)).text();
        assert(
          html.includes(`class="highlight-card" data-product-id="${shirt}"`),
          "the highlight is server-rendered",
        );
        const phone = await openViewer(browser, watchUrl, {
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
        });
        await phone.waitForSelector(`.watch-stage .highlight-card[data-product-id="${shirt}"]`, {
          timeout: 5_000,
        });
        await phone.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
        // The card leaves the picture free: on a phone it is a strip under the video.
        const cover = await cardCover(phone);
        assert(
          cover.width <= .45 && cover.height <= .3,
          `the card covers ${JSON.stringify(cover)} of the video`,
        );
        // Chat under the video: the message box on the first screen, the picture still in sight
        // above it as one types.
        const video = (await phone.locator(".watch-stage video").first().boundingBox())!;
        const box = (await phone.getByLabel("Chat message").boundingBox())!;
        assert(
          video.y >= 0 && box.y + box.height <= 844 && box.y > video.y + video.height,
          `the video ${JSON.stringify(video)} and the message box ${JSON.stringify(box)} in one screen`,
        );
        // Why the card is there, on a phone too, inside the card.
        const card = (await phone.locator(".highlight-card").boundingBox())!;
        const featured = await phone.locator(".highlight-card").getByText("Featured", { exact: true })
          .boundingBox();
        assert(
          featured && featured.x + featured.width <= card.x + card.width,
          `“Featured” shows: ${featured}`,
        );
        // How many are left is news on a phone too (the last one, here).
        assert(
          await phone.locator(".highlight-card").getByText("1 left", { exact: true }).isVisible(),
          "stock",
        );
        assertEquals(await trayOrder(phone), [tote, shirt, scarf]);
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assertEquals(overflow, 0, "no sideways scroll at 390 px");
        await phone.context().close();
      },
    );

    await t.step(
      "a flash sale counts down alike on both viewers, though one clock runs 90 s fast",
      async () => {
        await studio.fill(".sale-form input[name=salePrice]", "39.00");
        await studio.selectOption(".sale-form select[name=durationSeconds]", "60");
        await studio.click(".sale-form button[type=submit]");
        const countdown = ".highlight-card .sale-countdown";
        for (const viewer of viewers) await viewer.waitForSelector(countdown, { timeout: UI_TIMEOUT });
        const [a, b] = await Promise.all(
          viewers.map((v) => v.getAttribute(countdown, "data-remaining-seconds").then(Number)),
        );
        assert(a! >= 50 && a! <= 60, `seconds left on the first viewer: ${a}`);
        assert(Math.abs(a! - b!) <= 1, `both viewers count down alike: ${a} and ${b}`);
        const text = await second.textContent(".highlight-card");
        assert(text?.includes("€39.00") && text.includes("€49.00"), `sale and list price: ${text}`);
        // A timer, which screen readers read when asked, not every second the card's news.
        const featured = second.getByRole("complementary", { name: "Featured product" });
        await featured.getByRole("timer").filter({ hasText: "Sale ends in" }).waitFor();
        // The sale is read out as the card again, whole: no price on its own.
        assertEquals(await first.evaluate(() => (globalThis as { __added?: string[] }).__added), [
          scarf,
          shirt,
          shirt,
        ]);
      },
    );

    await t.step(
      "a viewer opens the highlight's sheet, adds it to the cart at the sale price and reserves",
      async () => {
        // The other viewer has the last one in their cart too, unreserved. On a slow network the
        // button says it is at work until the cart answers.
        await second.click(".highlight-card button");
        let answer = () => {};
        const held = new Promise<void>((resolve) => answer = resolve);
        await second.route("**/cart/items", async (route) => (await held, await route.continue()));
        await second.click(".product-sheet .add-to-cart");
        const adding = second.getByRole("dialog").getByRole("button", { name: "Adding…" });
        await adding.waitFor({ timeout: UI_TIMEOUT });
        assert(await adding.isDisabled(), "one tap, one add");
        answer();
        await second.waitForSelector(`.cart-item[data-product-id="${shirt}"]`, { timeout: UI_TIMEOUT });
        await second.unroute("**/cart/items");
        // The last one: Add to cart is disabled now, yet the focus stays in the sheet (not on
        // its hidden inputs, nor the page behind), and a screen reader hears the count.
        await second.getByRole("dialog").getByRole("status").filter({ hasText: "1 in your cart" })
          .waitFor({ timeout: UI_TIMEOUT });
        await second.waitForFunction(() => document.activeElement?.closest("dialog[open] button"), null, {
          timeout: UI_TIMEOUT,
        });
        await second.keyboard.press("Escape");
        await first.click(".highlight-card button");
        await first.waitForSelector(`dialog.product-sheet[open][data-product-id="${shirt}"]`, {
          timeout: UI_TIMEOUT,
        });
        await first.waitForSelector(".product-sheet .sheet-description", { timeout: UI_TIMEOUT });
        await first.click(".product-sheet .add-to-cart");
        await first.waitForSelector(`.cart-item[data-product-id="${shirt}"]`, { timeout: UI_TIMEOUT });
        await first.click(".product-sheet .sheet-close button");
        const cart = await first.textContent(`.cart-item[data-product-id="${shirt}"]`);
        assert(cart?.includes("Linen shirt") && cart.includes("€39.00"), `cart: ${cart}`);
        assertEquals(await first.textContent(".cart-item .quantity output"), "1");
        await first.click(".cart-bar button.reserve");
        const done = await first.waitForSelector(".reservation-done", { timeout: UI_TIMEOUT });
        const told = await done.textContent();
        assert(told?.includes("1 × Linen shirt"), "the viewer is told what they reserved");
        assert(told?.includes("pay the seller as they say in the stream"), `and what comes next: ${told}`);
      },
    );

    await t.step("the other viewer sees it sold out, in their cart too, and cannot add it", async () => {
      const soldOut = `.highlight-card[data-product-id="${shirt}"] .stock-note.sold-out`;
      await second.waitForSelector(soldOut, { timeout: UI_TIMEOUT });
      await second.waitForSelector(`.tray-item[data-product-id="${shirt}"] .sold-out`, {
        timeout: UI_TIMEOUT,
      });
      await second.click(`.tray-item[data-product-id="${shirt}"] button`);
      const add = await second.waitForSelector(".product-sheet .add-to-cart", { timeout: UI_TIMEOUT });
      assertEquals(await add.textContent(), "Sold out");
      assert(await add.isDisabled(), "a sold-out product cannot be added");
      await second.keyboard.press("Escape");
      // In their cart it says so, where its price was, and no more can be added.
      const line = second.getByRole("region", { name: "Your cart" }).getByRole("listitem")
        .filter({ hasText: "Linen shirt" });
      await line.getByText("Sold out").waitFor({ timeout: UI_TIMEOUT });
      assert(await line.getByRole("button", { name: "One more Linen shirt" }).isDisabled());
      await line.getByRole("button", { name: "Remove Linen shirt" }).click();
      await line.waitFor({ state: "detached", timeout: UI_TIMEOUT });
    });

    await t.step("a product with a shop link offers it in its sheet", async () => {
      await second.click(`.tray-item[data-product-id="${tote}"] button`);
      const link = await second.waitForSelector(".product-sheet a.buy-link", { timeout: UI_TIMEOUT });
      assertEquals(await link.getAttribute("href"), "https://shop.example/tote");
      await second.keyboard.press("Escape");
    });

    await t.step(
      "when a flash sale ends, the cart shows the list price at once and reserves at it",
      async () => {
        await studio.click(`.pinned-item[data-product-id="${scarf}"] button:has-text('Highlight')`);
        // The sale form is the highlighted product's own: typed into before it comes, a price is lost.
        await studio.waitForSelector(`.pinned-item[data-product-id="${scarf}"].highlighted`, {
          timeout: UI_TIMEOUT,
        });
        await studio.fill(".sale-form input[name=salePrice]", "19");
        await studio.selectOption(".sale-form select[name=durationSeconds]", "10");
        await studio.click(".sale-form button[type=submit]");
        await second.waitForSelector(`.highlight-card[data-product-id="${scarf}"] .sale-countdown`, {
          timeout: UI_TIMEOUT,
        });
        await second.click(".highlight-card button");
        await second.click(".product-sheet .add-to-cart");
        await second.waitForSelector(`.cart-item[data-product-id="${scarf}"]`, { timeout: UI_TIMEOUT });
        await second.keyboard.press("Escape");
        await second.getByRole("button", { name: "One more Silk scarf" }).focus();
        await second.keyboard.press("Enter");
        await second.waitForSelector(".cart-total:has-text('€38.00')", { timeout: UI_TIMEOUT });
        // Disabled while it ran, the button gets the keyboard's focus back.
        await second.waitForFunction(
          () => document.activeElement?.getAttribute("aria-label") === "One more Silk scarf",
          null,
          { timeout: UI_TIMEOUT },
        );
        // The sale ends by the server's clock (on this fast-running page too): the countdown
        // goes, and the cart shows the list price without a reload.
        await second.waitForSelector(".highlight-card .sale-countdown", {
          state: "detached",
          timeout: UI_TIMEOUT,
        });
        await second.waitForSelector(".cart-total:has-text('€58.00')", { timeout: UI_TIMEOUT });
        await second.click(".cart-bar button.reserve");
        const done = await second.waitForSelector(".reservation-done", { timeout: UI_TIMEOUT });
        assert((await done.textContent())?.includes("€58.00"), "reserved at the price shown");
        await second.waitForSelector(".holds:has-text('held for you until')", { timeout: UI_TIMEOUT });
      },
    );

    await t.step("the seller ends a sale early: both viewers see the list price again at once", async () => {
      await studio.fill(".sale-form input[name=salePrice]", "19");
      await studio.selectOption(".sale-form select[name=durationSeconds]", "600");
      await studio.click(".sale-form button[type=submit]");
      const onSale = `.highlight-card[data-product-id="${scarf}"] .sale-countdown`;
      for (const viewer of viewers) await viewer.waitForSelector(onSale, { timeout: UI_TIMEOUT });
      // Holding two already, the second viewer is refused a third in the sheet; the refusal
      // goes with the sheet, not left in the tray.
      await second.click(".highlight-card button");
      await second.getByRole("dialog", { name: "Silk scarf" }).getByRole("button", { name: "Add to cart" })
        .click();
      const refusal = second.getByRole("alert").filter({
        hasText: "You can hold at most 2 of Silk scarf while it is on flash sale",
      });
      await refusal.waitFor({ timeout: UI_TIMEOUT });
      // Said once, in the sheet: not again by the cart behind it.
      await second.waitForTimeout(300);
      assertEquals(await refusal.count(), 1);
      await second.keyboard.press("Escape");
      await refusal.waitFor({ state: "detached", timeout: UI_TIMEOUT });
      await studio.getByRole("button", { name: "End sale on Silk scarf" }).click();
      for (const viewer of viewers) {
        await viewer.waitForSelector(onSale, { state: "detached", timeout: UI_TIMEOUT });
        const card = await viewer.textContent(".highlight-card");
        assert(card?.includes("€29.00") && !card.includes("€19.00"), `the list price alone: ${card}`);
      }
    });

    await t.step("clearing the highlight hides it on both viewers", async () => {
      await studio.click("button:has-text('Clear highlight')");
      for (const viewer of viewers) {
        await viewer.waitForSelector(".highlight-card", { state: "detached", timeout: UI_TIMEOUT });
      }
      const html = await (await fetch(watchUrl)).text();
      assert(!html.includes("highlight-card"), "and it is gone from the page a late viewer gets");
    });

    await t.step(
      "the studio shows the same pinned order after a reload, on a phone-sized screen too",
      async () => {
        await studio.setViewportSize({ width: 390, height: 844 });
        await studio.reload();
        const order = await studio.$$eval(
          ".pinned-item",
          (items) => items.map((i) => i.getAttribute("data-product-id")),
        );
        assertEquals(order, [tote, shirt, scarf]);
        const overflow = await studio.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assertEquals(overflow, 0, "no sideways scroll at 390 px");
      },
    );

    await t.step(
      "a viewer banned with a product's sheet open and a cart is told so in the sheet and offered nothing more to buy",
      async () => {
        await second.click(`.tray-item[data-product-id="${tote}"] button`);
        const sheet = second.getByRole("dialog", { name: "Canvas tote" });
        await sheet.getByRole("button", { name: "Add to cart" }).click({ timeout: UI_TIMEOUT });
        const cart = second.getByRole("region", { name: "Your cart" });
        await cart.getByRole("button", { name: "Reserve" }).waitFor({ timeout: UI_TIMEOUT });
        await sheet.getByRole("button", { name: "Add to cart" }).focus();
        const { message } = await api(second, "POST", `/api/streams/${streamId}/chat`, {
          text: "hello",
          sendId: "f".repeat(32),
        }) as { message: { id: string } };
        await api(studio, "POST", `/api/streams/${streamId}/bans`, { messageId: message.id });
        await second.getByText("You were banned from this shop's streams.").waitFor({ timeout: UI_TIMEOUT });
        await sheet.getByRole("button", { name: "Add to cart" }).waitFor({
          state: "detached",
          timeout: UI_TIMEOUT,
        });
        await cart.waitFor({ state: "detached", timeout: UI_TIMEOUT });
        assertEquals(await second.getByRole("button", { name: /Reserve|One more/ }).count(), 0);
        assert(await sheet.isVisible(), "the sheet itself stays open, to read");
        // Modal, it hides the page's words from a screen reader: it says them itself, and
        // the focus, on Add to cart until it went, is on Close rather than behind the sheet.
        await sheet.getByRole("status").filter({
          hasText: "A moderator banned you, so you can't buy here.",
        }).waitFor({ timeout: UI_TIMEOUT });
        assertEquals(
          await second.evaluate(() => document.activeElement?.getAttribute("aria-label")),
          "Close",
        );
      },
    );

    await t.step(
      "the stream ends: a buyer who reserved it all is told of their hold once, and nothing of an empty cart",
      async () => {
        await studio.click("button:has-text('End stream')");
        await studio.click("button:has-text('Yes, end it')");
        await first.waitForSelector(".reservation-done", { state: "detached", timeout: UI_TIMEOUT });
        const tray = first.getByRole("region", { name: "Products in this stream" });
        await tray.getByRole("region", { name: "Held for you" }).getByText("1 × Linen shirt").waitFor();
        const words = (await tray.textContent())!;
        assertEquals(words.match(/held for you until/gi)?.length, 1, words);
        assert(!/cart/i.test(words), `no word of a cart: ${words}`);
      },
    );
  },
);
