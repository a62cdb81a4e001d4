// The steps most end-to-end tests share: a seller signs up, creates a stream and goes
// live from the studio; viewers open its watch page.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { PNG_BYTES } from "@/tests/fixtures/images.ts";
import { launchBrowser, withRtcStats } from "@/tests/e2e/harness/browser.ts";
import { type Stack, startStack } from "@/tests/e2e/harness/stack.ts";

export const UI_TIMEOUT = 30_000;

export interface SellerStudio {
  studio: Page;
  streamId: string;
  watchUrl: string;
}

export async function createStreamAsSeller(
  browser: Browser,
  appUrl: string,
  opts: { name?: string; email?: string; title?: string; context?: BrowserContext } = {},
): Promise<SellerStudio> {
  const studio = await (opts.context ?? await browser.newContext()).newPage();
  await studio.goto(`${appUrl}/signup`);
  await studio.fill("input[name=name]", opts.name ?? "Linen & Co");
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

/** Calls the app's JSON API from the page, with its cookies; throws on an error status. */
export async function api(page: Page, method: string, path: string, body: unknown = {}): Promise<unknown> {
  const { status, json } = await page.evaluate(async ([method, path, body]) => {
    const res = await fetch(path as string, {
      method: method as string,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json().catch(() => null) };
  }, [method, path, body]);
  if (status >= 400) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Creates a product from the studio page as the catalog form does (multipart, with a
 * PNG image when asked); defaults fill what is not given. Returns its id.
 */
export async function createProduct(
  studio: Page,
  fields: {
    name?: string;
    description?: string;
    priceMinor?: number;
    currency?: string;
    stock?: number;
    buyUrl?: string;
    image?: boolean;
  } = {},
): Promise<string> {
  const { image, ...given } = fields;
  const values = { name: "Linen shirt", priceMinor: 4900, currency: "EUR", stock: 5, ...given };
  return await studio.evaluate(async ([values, png]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(values)) form.set(k, String(v));
    if (png) form.set("image", new File([new Uint8Array(png)], "product.png", { type: "image/png" }));
    const res = await fetch("/api/products", { method: "POST", body: form });
    if (res.status !== 201) throw new Error(`creating a product: ${res.status} ${await res.text()}`);
    return (await res.json()).product.id as string;
  }, [values, image ? [...PNG_BYTES] : null] as const);
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
