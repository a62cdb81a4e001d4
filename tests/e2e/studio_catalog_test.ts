// The studio and the seller's other tabs: the broadcasting studio's catalog follows products
// added and deleted elsewhere, a product found deleted when pinned leaves the catalog at
// once, a catalog of dozens is searched by name in a box of its own with each product's
// stock, one added from the studio on a phone is pointed to where it is, and a studio tab
// behind another's showcase change (or stock) catches up as soon as its change is refused,
// and one not broadcasting follows each change as soon as the broadcasting tab hears of it.
import type { Showcase } from "@/lib/contract/views.ts";
import { assert, assertEquals } from "@/tests/assert.ts";
import { api, createProduct, createStreamAsSeller, goLive, liveTest, UI_TIMEOUT } from "./live_flow.ts";

liveTest(
  "the live studio's catalog follows the Products page in another tab",
  async (t, { stack, browser }) => {
    const context = await browser.newContext();
    const { studio } = await createStreamAsSeller(browser, stack.appUrl, { context });
    const socks = await createProduct(studio, { name: "Cotton socks", priceMinor: 950 });
    const scarf = await createProduct(studio, { name: "Silk scarf", priceMinor: 2900 });
    await studio.reload();
    await goLive(studio);
    const products = await context.newPage();
    await products.goto(`${stack.appUrl}/studio/products`);
    const pin = (name: string) => studio.getByRole("button", { name: `Pin ${name}`, exact: true });

    await t.step("a product deleted or added there leaves or joins the catalog here", async () => {
      await pin("Cotton socks").waitFor({ timeout: UI_TIMEOUT });
      await api(products, "DELETE", `/api/products/${socks}`);
      await pin("Cotton socks").waitFor({ state: "detached", timeout: UI_TIMEOUT });
      await createProduct(products, { name: "Wool hat", priceMinor: 2500 });
      await pin("Wool hat").waitFor({ timeout: UI_TIMEOUT });
    });

    await t.step("one found deleted by its Pin leaves at once, the refusal said", async () => {
      // The catalog cannot be read again until the Pin is refused: only the refusal can take the row away.
      let refused = false;
      studio.on("response", (r) => refused ||= r.url().endsWith("/pins") && r.status() === 404);
      await studio.route("**/api/products", (route) => refused ? route.continue() : route.abort());
      await api(products, "DELETE", `/api/products/${scarf}`);
      await pin("Silk scarf").click();
      await studio.getByRole("alert").filter({ hasText: "This product is no longer in the shop" })
        .waitFor({ timeout: UI_TIMEOUT });
      await pin("Silk scarf").waitFor({ state: "detached", timeout: UI_TIMEOUT });
      assertEquals(await pin("Wool hat").count(), 1);
    });

    await t.step(
      "a catalog of 31: Find a product narrows it by name whatever the case and accents, says how many, and each says its stock",
      async () => {
        await createProduct(products, { name: "Crème brûlée mug", priceMinor: 1800, stock: 12 });
        await createProduct(products, { name: "Tea bowl", priceMinor: 3072, stock: 0 });
        for (let i = 1; i <= 28; i++) {
          await createProduct(products, { name: `Hemp trousers no.${i}`, priceMinor: 3000 + i });
        }
        await pin("Hemp trousers no.28").waitFor({ timeout: UI_TIMEOUT });
        const catalog = studio.getByRole("list", { name: "Your catalog", exact: true });
        const item = (name: string) => catalog.getByRole("listitem").filter({ hasText: name });
        await item("Crème brûlée mug").getByText("12 left", { exact: true }).waitFor({ timeout: UI_TIMEOUT });
        await item("Tea bowl").getByText("Sold out", { exact: true }).waitFor();
        await studio.getByText("31 products", { exact: true }).waitFor();
        const find = studio.getByLabel("Find a product");
        const finds: [typed: string, count: string, names: string[]][] = [
          ["CREME", "1 of 31 products match", ["Crème brûlée mug"]],
          ["brûlee", "1 of 31 products match", ["Crème brûlée mug"]],
          [
            "hemp TROUSERS no.2",
            "10 of 31 products match",
            [2, 20, 21, 22, 23, 24, 25, 26, 27, 28].map((i) => `Hemp trousers no.${i}`),
          ],
        ];
        for (const [typed, count, names] of finds) {
          await find.fill(typed);
          await studio.getByText(count, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
          assertEquals(
            await catalog.locator(".product-line strong").allTextContents(),
            names,
            `found by "${typed}"`,
          );
        }
        await find.fill("silk");
        await studio.getByText("No product to pin matches “silk”", { exact: true }).waitFor();
        assertEquals(await catalog.count(), 0, "no list left");
      },
    );

    await t.step(
      "pinned by keyboard from a search, a sold-out product may be shown, and the studio says it is sold out",
      async () => {
        await studio.getByLabel("Find a product").fill("tea");
        await pin("Tea bowl").focus();
        await studio.keyboard.press("Enter");
        // The last one found: the focus goes to it, pinned.
        await studio.waitForFunction(
          () => document.activeElement?.getAttribute("aria-label") === "Unpin Tea bowl",
          undefined,
          { timeout: UI_TIMEOUT },
        );
        const pinned = studio.getByRole("list", { name: "On show now (1 of 6)", exact: true });
        await pinned.getByText("Sold out", { exact: true }).waitFor();
        await studio.getByRole("button", { name: "Highlight Tea bowl" }).click();
        await studio.locator(".highlight-status").getByText("Sold out", { exact: true }).waitFor({
          timeout: UI_TIMEOUT,
        });
        const price = studio.getByLabel(/^Sale price/);
        await price.fill("20.00");
        assertEquals(
          await price.getAttribute("aria-describedby").then((id) =>
            studio.locator(`[id="${id}"]`).textContent()
          ),
          "Tea bowl is sold out: add stock before starting a sale",
        );
        assert(
          await studio.getByRole("button", { name: "Start flash sale" }).isDisabled(),
          "nothing to press",
        );
        await studio.getByLabel("Find a product").fill("");
      },
    );

    await t.step(
      "on a phone and a desktop, the catalog scrolls in its own box: the chat stays near",
      async () => {
        for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
          await studio.setViewportSize(viewport);
          const list = (await studio.locator(".catalog-picker").boundingBox())!;
          const heading = (await studio.getByRole("heading", { name: "Your catalog" }).boundingBox())!;
          const chat = (await studio.getByRole("region", { name: "Chat" }).boundingBox())!;
          assert(
            list.height <= viewport.height * 0.6,
            `the list is ${list.height} px tall at ${viewport.width} px`,
          );
          assert(
            chat.y - heading.y < 1_500,
            `the chat is ${chat.y - heading.y} px below the catalog at ${viewport.width} px`,
          );
        }
      },
    );

    await t.step(
      "on a phone the chat comes right under the broadcast, before the catalog; on a desktop, beside the video",
      async () => {
        await studio.setViewportSize({ width: 390, height: 844 });
        await studio.evaluate(() => scrollTo(0, 0));
        const message = (await studio.getByRole("textbox", { name: "Chat message" }).boundingBox())!;
        const catalog = (await studio.getByRole("heading", { name: "Your catalog" }).boundingBox())!;
        assert(
          message.y + message.height <= 2 * 844,
          `the message box ends ${message.y + message.height} px down the page`,
        );
        assert(message.y < catalog.y, "the chat comes before the catalog");
        await studio.setViewportSize({ width: 1280, height: 720 });
        await studio.evaluate(() => scrollTo(0, 0));
        const video = (await studio.getByLabel("Your camera preview").boundingBox())!;
        const chat = (await studio.getByRole("region", { name: "Chat" }).boundingBox())!;
        assert(
          chat.x >= video.x + video.width && chat.y < video.y + video.height,
          `the chat ${JSON.stringify(chat)} beside the video ${JSON.stringify(video)}`,
        );
      },
    );

    await t.step(
      "on a phone, Add a product keeps its fields apart and says the catalog is above",
      async () => {
        await studio.setViewportSize({ width: 390, height: 844 });
        await studio.getByRole("button", { name: "Add a product" }).click();
        const form = studio.locator(".quick-add-form");
        await form.getByLabel("Name").fill("Linen shirt");
        await form.getByLabel("Price").fill("49.90");
        const price = (await form.getByLabel("Price").boundingBox())!;
        const currency = (await form.getByLabel("Currency").boundingBox())!;
        const apart = price.x + price.width <= currency.x || price.y + price.height <= currency.y;
        assertEquals(
          apart,
          true,
          `the price box ${JSON.stringify(price)} clear of ${JSON.stringify(currency)}`,
        );
        await form.getByRole("button", { name: "Add to catalog" }).click();
        await form.getByRole("status").filter({
          hasText: "Added Linen shirt: pin it from your catalog above.",
        })
          .waitFor({ timeout: UI_TIMEOUT });
        await pin("Linen shirt").waitFor({ timeout: UI_TIMEOUT });
        const [catalog, added] = [
          await studio.locator(".catalog-picker").boundingBox(),
          await form.boundingBox(),
        ];
        assertEquals(catalog!.y < added!.y, true, "the catalog is above the form");
      },
    );
  },
);

liveTest("a studio tab that is behind reads again as End sale or a sold-out sale is refused", async (_t, {
  stack,
  browser,
}) => {
  const { studio, streamId } = await createStreamAsSeller(browser, stack.appUrl);
  const scarf = await createProduct(studio, { name: "Silk scarf", priceMinor: 2900 });
  const tote = await createProduct(studio, { name: "Canvas tote", priceMinor: 1900 });
  const base = `/api/streams/${streamId}`;
  // Live from elsewhere: this tab does not broadcast, so only its every-few-seconds read keeps it current.
  await api(studio, "POST", `${base}/live`);
  await api(studio, "PUT", `${base}/pins`, { productIds: [scarf, tote] });
  await api(studio, "PUT", `${base}/highlight`, { productId: scarf });
  await api(studio, "POST", `${base}/sale`, { salePriceMinor: 1900, durationSeconds: 600 });
  await studio.reload();
  const endSale = studio.getByRole("button", { name: "End sale on Silk scarf" });
  await endSale.waitFor({ timeout: UI_TIMEOUT });
  // Behind for sure: its showcase cannot be read again until End sale is refused.
  let refused = false;
  studio.on("response", (r) => refused ||= r.url().endsWith("/sale") && r.status() === 409);
  await studio.route("**/showcase", (route) => refused ? route.continue() : route.abort());
  // Another tab highlights the tote, which ends the sale.
  await api(studio, "PUT", `${base}/highlight`, { productId: tote });
  await endSale.click();
  await studio.getByRole("alert").filter({ hasText: "That sale had already ended." }).waitFor({
    timeout: 2_000,
  });
  await endSale.waitFor({ state: "detached", timeout: 2_000 });
  await studio.getByText("Highlighted: Canvas tote").waitFor({ timeout: 2_000 });

  // Sold out in another tab, unknown here: the server refuses the sale, in words at its price.
  await studio.unroute("**/showcase");
  let soldOut = false;
  studio.on("response", (r) => soldOut ||= r.url().endsWith("/sale") && r.status() === 409);
  await studio.route("**/showcase", (route) => soldOut ? route.continue() : route.abort());
  await api(studio, "PATCH", `/api/products/${tote}`, { stock: 0 });
  const status = studio.locator(".highlight-status");
  assertEquals(
    await status.getByText("5 left", { exact: true }).count(),
    1,
    "the studio does not know yet",
  );
  await studio.getByLabel(/^Sale price/).fill("9.00");
  await studio.getByRole("button", { name: "Start flash sale" }).click();
  await studio.locator(".sale-form .field-error").getByText(
    "Canvas tote is sold out: add stock before starting a sale",
    { exact: true },
  ).waitFor({ timeout: 2_000 });
  // Past this page's routes: what viewers fetch.
  const stored = await (await studio.request.get(`${stack.appUrl}${base}/showcase`)).json() as Showcase;
  assertEquals(stored.sale, null, "no sale stored");
  // Read again at once: the studio says it is sold out, and offers nothing to press.
  await status.getByText("Sold out", { exact: true }).waitFor({ timeout: 2_000 });
  assert(await studio.getByRole("button", { name: "Start flash sale" }).isDisabled(), "nothing to press");
});

liveTest("a studio tab not broadcasting follows every catalog change at once", async (t, {
  stack,
  browser,
}) => {
  const context = await browser.newContext();
  const { studio, streamId } = await createStreamAsSeller(browser, stack.appUrl, { context });
  const shirt = await createProduct(studio, { name: "Linen shirt v0", priceMinor: 4990 });
  await studio.reload();
  await goLive(studio);
  const other = await context.newPage();
  await other.goto(`${stack.appUrl}/studio/${streamId}`);
  await other.getByText("Live · not broadcasting from here").waitFor({ timeout: UI_TIMEOUT });
  const pin = (name: string) => other.getByRole("button", { name: `Pin ${name}`, exact: true });
  await pin("Linen shirt v0").waitFor({ timeout: UI_TIMEOUT });
  // At once, from the broadcasting tab: well before its own read every 5 s.
  const WITHIN = 2_500;
  for (const version of [1, 2, 3]) {
    await t.step(`renamed (v${version}): the other tab shows the new name`, async () => {
      await api(studio, "PATCH", `/api/products/${shirt}`, { name: `Linen shirt v${version}` });
      await pin(`Linen shirt v${version}`).waitFor({ timeout: WITHIN });
    });
  }
  await t.step("deleted: it leaves the other tab's catalog", async () => {
    await api(studio, "DELETE", `/api/products/${shirt}`);
    await pin("Linen shirt v3").waitFor({ state: "detached", timeout: WITHIN });
  });
});

liveTest(
  "a product's edit page saves again after Back, and a tab opened before a stock edit is told",
  async (_t, {
    stack,
    browser,
  }) => {
    const context = await browser.newContext();
    const { studio } = await createStreamAsSeller(browser, stack.appUrl, { context });
    const shirt = await createProduct(studio, { name: "Linen shirt", stock: 30 });
    const editUrl = `${stack.appUrl}/studio/products/${shirt}`;
    const stock = async () =>
      (await (await studio.request.get(`${stack.appUrl}/api/products/${shirt}`)).json()).product.stock;
    const save = async (page: typeof studio, value: string) => {
      await page.getByLabel("Stock").fill(value);
      await page.getByRole("button", { name: "Save changes" }).click();
    };
    const other = await context.newPage();
    await other.goto(editUrl);
    await studio.goto(editUrl);
    await save(studio, "40");
    await studio.waitForURL(/\/studio\/products\?done=saved$/);
    // Back shows the page as it is now: saving it again sets what is typed, not 40 more.
    await studio.goBack();
    await save(studio, "45");
    await studio.waitForURL(/\/studio\/products\?done=saved$/);
    assertEquals(await stock(), 45);
    await studio.goBack();
    await studio.getByRole("button", { name: "Save changes" }).click();
    await studio.waitForURL(/\/studio\/products\?done=saved$/);
    assertEquals(await stock(), 45, "saved as it was, nothing added");

    // The tab opened at 30 is told, and its save after a look goes through as typed.
    await save(other, "40");
    await other.getByRole("alert").filter({
      hasText: "The stock was changed in another tab or window since you opened this page: it is now 45.",
    }).waitFor({ timeout: UI_TIMEOUT });
    assertEquals(await stock(), 45);
    await other.getByRole("button", { name: "Save changes" }).click();
    await other.waitForURL(/\/studio\/products\?done=saved$/);
    assertEquals(await stock(), 40);
  },
);
