// What a page shows of a stream's state, waited for: the end-to-end tests that break the
// stack check every page comes back to the truth this way, and without a reload.
import type { Page } from "playwright-core";
import { assert } from "@/tests/assert.ts";
import { UI_TIMEOUT } from "./live_flow.ts";

/** Marks the page, so a later check proves it was never reloaded. */
export const mark = (page: Page) =>
  page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument = true);
const sameDocument = (page: Page) =>
  page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument === true);

export const chatLine = (text: string) =>
  `.chat-message:not(.chat-pending):has-text(${JSON.stringify(text)})`;
const trayIds = (page: Page) =>
  page.$$eval(".tray-item", (items) => items.map((i) => (i as HTMLElement).dataset.productId));

/** Waits until the page shows this state, then checks it was not reloaded on the way. */
export async function showsState(
  page: Page,
  want: { chat?: string[]; pins?: string[]; highlight?: string; likes?: number; stock?: [string, number] },
): Promise<void> {
  for (const text of want.chat ?? []) await page.waitForSelector(chatLine(text), { timeout: UI_TIMEOUT });
  if (want.pins) {
    const expected = JSON.stringify(want.pins);
    await page.waitForFunction(
      (ids) =>
        JSON.stringify(
          [...document.querySelectorAll<HTMLElement>(".tray-item")].map((i) => i.dataset.productId),
        ) === ids,
      expected,
      { timeout: UI_TIMEOUT },
    ).catch(async (e) => {
      throw new Error(`${e}\npins shown: ${JSON.stringify(await trayIds(page))}, wanted ${expected}`);
    });
  }
  if (want.highlight) {
    await page.waitForSelector(`.highlight-card[data-product-id="${want.highlight}"]`, {
      timeout: UI_TIMEOUT,
    });
  }
  if (want.likes !== undefined) {
    await page.waitForSelector(`.likes[data-count="${want.likes}"]`, { timeout: UI_TIMEOUT });
  }
  if (want.stock) {
    const [id, left] = want.stock;
    await page.waitForSelector(`.tray-item[data-product-id="${id}"] .stock-note:has-text("${left} left")`, {
      timeout: UI_TIMEOUT,
    });
  }
  assert(await sameDocument(page), "shown without a reload");
}
