// How a viewer's watch page arrives: in one step to the room (the page carries its ticket,
// so no request stands between the HTML and LiveKit), its JavaScript compressed and
// preloaded all at once, and the shop working before that JavaScript has run: on a slow
// phone (CPU throttled 4×) and with no JavaScript at all.
import { assert, assertEquals } from "@/tests/assert.ts";
import { waitForInbound, withRtcStats } from "@/tests/e2e/harness/browser.ts";
import {
  api,
  createProduct,
  createStreamAsSeller,
  goLive,
  liveTest,
  openViewer,
  UI_TIMEOUT,
} from "./live_flow.ts";

liveTest(
  "the watch page joins in one step, with its JavaScript compressed and preloaded, and works before it runs",
  async (t, { stack, browser }) => {
    const { studio, watchUrl, streamId } = await createStreamAsSeller(browser, stack.appUrl);
    await goLive(studio);
    const shirt = await createProduct(studio, { name: "Linen shirt", stock: 5 });
    await api(studio, "PUT", `/api/streams/${streamId}/pins`, { productIds: [shirt] });

    await t.step(
      "the player connects with the ticket in the page: no token request, its scripts brotli'd and preloaded, the video before any island",
      async () => {
        const context = await withRtcStats(await browser.newContext());
        // When the player's <video> presents its first frame (ms since navigation).
        await context.addInitScript(() => {
          const video = () => document.querySelector<HTMLVideoElement>(".main-video");
          const watch = () =>
            video()?.requestVideoFrameCallback((now) => Object.assign(globalThis, { firstFrame: now }));
          document.addEventListener("DOMContentLoaded", watch);
        });
        const page = await context.newPage();
        const requests: string[] = [];
        const scripts = new Map<string, string | undefined>();
        page.on("request", (r) => requests.push(new URL(r.url()).pathname));
        page.on("response", (r) => {
          const path = new URL(r.url()).pathname;
          if (path.startsWith("/_islands/")) scripts.set(path, r.headers()["content-encoding"]);
        });
        await page.goto(watchUrl);
        await page.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
        await waitForInbound(page, (s) => s.framesDecoded > 0, UI_TIMEOUT);
        assertEquals(requests.filter((p) => p.endsWith("/token")), [], "no token request before joining");
        // Everything the page shows came with it: joining asks the server for nothing more.
        await page.waitForTimeout(1_000);
        assertEquals(requests.filter((p) => p.startsWith("/api/")), [], "no refetch after joining");
        assert(scripts.size > 3, `scripts loaded: ${[...scripts.keys()]}`);
        assertEquals([...new Set(scripts.values())], ["br"], "every script arrives brotli-compressed");
        const preloaded = await page.$$eval(
          'link[rel="modulepreload"]',
          (ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname),
        );
        // The head preloads what the player's starter needs (which boots the page: no boot.js);
        // the islands load once it plays. All from the watch page's own bundle.
        assert(
          [...scripts.keys()].every((path) => path.startsWith("/_islands/watch/")),
          "the page's own bundle",
        );
        assert(
          preloaded.includes("/_islands/watch/WatchPlayer.start.js"),
          `the starter is preloaded: ${preloaded}`,
        );
        assert(!scripts.has("/_islands/watch/boot.js"), `no boot.js: ${[...scripts.keys()]}`);
        for (const file of ["/_islands/watch/WatchPlayer.js", "/_islands/watch/ChatPanel.js"]) {
          assert(!preloaded.includes(file), `${file} waits: ${preloaded}`);
          assert(scripts.has(file), `${file} woke after the video played`);
        }
        assert(preloaded.every((file) => scripts.has(file)), "every preloaded script is used");
        const { firstFrame, islandsAsked } = await page.evaluate(() => ({
          firstFrame: (globalThis as unknown as { firstFrame: number }).firstFrame,
          islandsAsked: Math.min(
            ...performance.getEntriesByType("resource").filter((e) =>
              /\/_islands\/watch\/[A-Z]\w+\.js$/.test(e.name)
            )
              .map((e) => e.startTime),
          ),
        }));
        assert(
          firstFrame < islandsAsked,
          `the first frame (${firstFrame} ms) before any island (${islandsAsked} ms)`,
        );
        assertEquals(
          await page.getByText("Connecting…").isVisible(),
          false,
          "no “Connecting…” over the video",
        );
        await context.close();
      },
    );

    await t.step(
      "on a phone whose CPU is 4× slower, a tap on a pinned product at DOMContentLoaded opens its sheet",
      async () => {
        const page = await openViewer(browser, "about:blank", {
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
        });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        await page.goto(watchUrl, { waitUntil: "domcontentloaded" });
        await page.locator(`.tray-item[data-product-id="${shirt}"] button`).tap();
        await page.waitForSelector(`dialog.product-sheet[open][data-product-id="${shirt}"]`, {
          timeout: UI_TIMEOUT,
        });
        const sheet = await page.textContent(".product-sheet");
        assert(sheet?.includes("Linen shirt") && sheet.includes("€49.00"), `the sheet: ${sheet}`);
        await page.context().close();
      },
    );

    await t.step(
      "nothing on the page moves as the video starts and the islands wake, on a phone and a desktop",
      async () => {
        for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
          const context = await browser.newContext({ viewport });
          // Every layout shift, with what moved, from the first paint on.
          await context.addInitScript(() => {
            const shifts: string[] = [];
            Object.assign(globalThis, { shifts });
            new PerformanceObserver((list) => {
              type Shift = PerformanceEntry & { value: number; sources: { node?: Node }[] };
              for (const e of list.getEntries() as Shift[]) {
                const moved = e.sources.map((s) => (s.node as Element | undefined)?.className ?? "?");
                shifts.push(`${e.value.toFixed(3)} at ${Math.round(e.startTime)} ms: ${moved.join(", ")}`);
              }
            }).observe({ type: "layout-shift", buffered: true });
          });
          const page = await context.newPage();
          await page.goto(watchUrl);
          await page.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
          await page.waitForSelector(".product-tray[data-ready] .tray-item", { timeout: UI_TIMEOUT });
          await page.waitForSelector(".chat-panel[data-ready]", { timeout: UI_TIMEOUT });
          await page.waitForTimeout(500);
          const shifts = await page.evaluate(() => (globalThis as unknown as { shifts: string[] }).shifts);
          assertEquals(shifts, [], `at ${viewport.width} px`);
          await context.close();
        }
      },
    );

    await t.step(
      "with no JavaScript at all: the tray opens a sheet, Add to cart fills the cart, chat history shows",
      async () => {
        await api(studio, "POST", `/api/streams/${streamId}/chat`, { text: "Welcome, everyone!" });
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(watchUrl);
        assert(
          (await page.textContent(".chat-messages"))?.includes("Welcome, everyone!"),
          "chat history is in the page",
        );
        await page.getByRole("button", { name: /Linen shirt/ }).click();
        await page.waitForSelector(`dialog.product-sheet[open][data-product-id="${shirt}"]`);
        await page.getByRole("button", { name: "Add to cart" }).click();
        await page.waitForSelector(".product-sheet .in-cart:has-text('1 in your cart')");
        const cart = await page.textContent(".cart-bar");
        assert(cart?.includes("Linen shirt") && cart.includes("€49.00"), `the cart: ${cart}`);
        await page.locator(".product-sheet .sheet-close button").click();
        assertEquals(
          await page.locator("dialog.product-sheet[open]").count(),
          0,
          "the sheet closes as plain HTML too",
        );
        // What needs JavaScript is not offered, and the page says what does not work.
        // (Playwright's text queries skip <noscript>, which a browser without JavaScript shows.)
        const note = page.locator("noscript .notice");
        assert(
          (await note.textContent())?.includes(
            "needs JavaScript to play the video, to like, react, change your cart and reserve",
          ),
        );
        assert(await note.isVisible(), "the note shows");
        for (const name of [/likes?$/, "Reserve", /Fullscreen/]) {
          assertEquals(await page.getByRole("button", { name }).count(), 0, String(name));
        }
        assertEquals(await page.getByRole("group", { name: "React" }).count(), 0);
        assertEquals(await page.getByText("Connecting…").isVisible(), false, "no connection is on its way");
        await context.close();
      },
    );
  },
);
