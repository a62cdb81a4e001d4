// The steps most end-to-end tests share: a seller signs up, creates a stream and goes
// live from the studio; viewers open its watch page.
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { launchBrowser, withRtcStats } from "./harness/browser.ts";
import { type Stack, startStack } from "./harness/stack.ts";

export const UI_TIMEOUT = 30_000;

export interface SellerStudio {
  studio: Page;
  streamId: string;
  watchUrl: string;
}

export async function createStreamAsSeller(
  browser: Browser,
  appUrl: string,
  opts: { email?: string; title?: string } = {},
): Promise<SellerStudio> {
  const studio = await (await browser.newContext()).newPage();
  await studio.goto(`${appUrl}/signup`);
  await studio.fill("input[name=name]", "Linen & Co");
  await studio.fill("input[name=email]", opts.email ?? "seller@example.com");
  await studio.fill("input[name=password]", "a long enough password");
  await studio.click("form.form button[type=submit]");
  await studio.waitForURL(`${appUrl}/studio`);
  await studio.fill("input[name=title]", opts.title ?? "Spring linen drop");
  await studio.fill("textarea[name=description]", "Shirts, live.");
  await studio.click("form.form button[type=submit]");
  await studio.waitForURL(/\/studio\/[\w-]+$/);
  const watchUrl = await studio.getAttribute(".share a", "href");
  if (!watchUrl) throw new Error("the studio shows no watch link");
  return { studio, watchUrl, streamId: watchUrl.split("/").at(-1)! };
}

export async function goLive(studio: Page): Promise<void> {
  await studio.click("button:has-text('Go live')", { timeout: UI_TIMEOUT });
  await studio.waitForSelector(".studio[data-phase=live]", { timeout: UI_TIMEOUT });
}

/** A viewer in a browser context of their own, with WebRTC stats recorded. */
export async function openViewer(
  browser: Browser,
  watchUrl: string,
  opts: BrowserContextOptions = {},
): Promise<Page> {
  const context = await withRtcStats(await browser.newContext(opts));
  const page = await context.newPage();
  await page.goto(watchUrl);
  return page;
}

/**
 * An end-to-end test against a fresh stack (real livekit-server and app) and Chromium,
 * both stopped afterwards. Playwright keeps timers and sockets of its own, so Deno's
 * op and resource sanitizers are off.
 */
export function liveTest(
  name: string,
  fn: (t: Deno.TestContext, env: { stack: Stack; browser: Browser }) => Promise<void>,
): void {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn(t) {
      const stack = await startStack();
      const browser = await launchBrowser();
      try {
        await fn(t, { stack, browser });
      } finally {
        await browser.close();
        await stack.stop();
      }
    },
  });
}
