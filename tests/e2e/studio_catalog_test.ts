// The studio and the seller's other tabs: the broadcasting studio's catalog follows products
// added and deleted elsewhere, a product found deleted when pinned leaves the catalog at
// once, one added from the studio on a phone is pointed to where it is, and a studio tab
// behind another's showcase change catches up as soon as its change is refused, and one
// not broadcasting follows each change as soon as the broadcasting tab hears of it.
import { assertEquals } from "@/tests/assert.ts";
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

liveTest("a studio tab behind another's change reads the showcase again as End sale is refused", async (_t, {
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
