// Breaking the stack for real while a seller is live and two viewers watch: the app is
// killed, stopped, or loses one message to the room in three; a viewer goes offline. After
// each, every acknowledged change is kept and every page shows the final state without a
// reload. (LiveKit's own restart is in controls_test.ts.)
import { assert, assertEquals } from "@/tests/assert.ts";
import { waitForInbound } from "@/tests/e2e/harness/browser.ts";
import { chatLine, mark, showsState } from "@/tests/e2e/page_state.ts";
import {
  api,
  createProduct,
  createStreamAsSeller,
  goLive,
  liveTest,
  openViewer,
  UI_TIMEOUT,
} from "./live_flow.ts";

/** Outbox entries still in the app's KV file (read while the app is down). */
async function queuedIn(kvPath: string): Promise<number> {
  const kv = await Deno.openKv(kvPath);
  try {
    return (await Array.fromAsync(kv.list({ prefix: ["outbox"] }))).length;
  } finally {
    kv.close();
  }
}

liveTest(
  "the stack breaks while live, and every page comes back to the truth without a reload",
  async (t, { stack, browser }) => {
    const { studio, watchUrl, streamId } = await createStreamAsSeller(browser, stack.appUrl);
    await goLive(studio);
    const [shirt, scarf] = [
      await createProduct(studio, { name: "Shirt" }),
      await createProduct(studio, { name: "Scarf" }),
    ];
    const [ada, bo] = [await openViewer(browser, watchUrl), await openViewer(browser, watchUrl)];
    for (const v of [ada, bo]) {
      await v.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
      await v.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
      await mark(v);
    }
    const base = `/api/streams/${streamId}`;

    await t.step(
      "killed right after acknowledging a burst: nothing acknowledged is lost, video never stops",
      async () => {
        const burst = ["one", "two", "three", "four", "five"].map((w) => `burst ${w}`);
        await Promise.all([
          ...burst.map((text) => api(ada, "POST", `${base}/chat`, { text })),
          api(bo, "POST", `${base}/like`),
          api(studio, "PUT", `${base}/pins`, { productIds: [shirt, scarf] }).then(() =>
            api(studio, "PUT", `${base}/highlight`, { productId: shirt })
          ),
        ]);
        const status = await stack.app.kill("SIGKILL");
        assertEquals(status.signal, "SIGKILL");
        console.log(`  (${await queuedIn(stack.app.kvPath)} messages were still queued when the app died)`);

        for (const v of [ada, bo]) {
          const before = await waitForInbound(v, (s) => s.framesDecoded > 0);
          await waitForInbound(v, (s) => s.framesDecoded > before.framesDecoded + 20, UI_TIMEOUT);
        }
        await bo.fill(".chat-input", "typed while the app was down");
        await bo.click(".chat-send");
        await bo.waitForSelector(".chat-pending:has-text('will send when the connection is back')", {
          timeout: UI_TIMEOUT,
        });

        await stack.app.restart();
        for (const v of [ada, bo]) {
          await showsState(v, { chat: burst, pins: [shirt, scarf], highlight: shirt, likes: 1 });
        }
        for (const page of [ada, studio]) {
          await page.waitForSelector(
            chatLine("typed while the app was down"),
            { timeout: UI_TIMEOUT },
          );
        }
        await bo.waitForSelector(".chat-pending", { state: "detached", timeout: UI_TIMEOUT });
        assertEquals(await ada.locator(chatLine("typed while the app was down")).count(), 1, "sent once");
        await ada.fill(".chat-input", "chat works again");
        await ada.click(".chat-send");
        await bo.waitForSelector(chatLine("chat works again"), { timeout: UI_TIMEOUT });
      },
    );

    await t.step(
      "stopped with SIGTERM mid-burst: requests finish, the outbox empties, it exits 0 within 10 s",
      async () => {
        const answers = ada.evaluate((path) =>
          Promise.all(
            Array.from({ length: 8 }, (_, i) =>
              fetch(path, {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: JSON.stringify({ text: `in flight ${i}` }),
              }).then((r) => r.status, () => 0)),
          ), `${base}/chat`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        const stopping = Date.now();
        const status = await stack.app.kill("SIGTERM");
        const took = Date.now() - stopping;
        assertEquals(status.code, 0, stack.app.logs());
        assert(took < 10_000, `stopped in ${took} ms`);
        assertEquals(await queuedIn(stack.app.kvPath), 0, "what was queued was delivered before exiting");
        const statuses = await answers;
        assert(
          statuses.every((s) => s === 201 || s === 0),
          `each request finished or was never taken: ${statuses}`,
        );
        await stack.app.restart();
        const acknowledged = statuses.flatMap((s, i) => s === 201 ? [`in flight ${i}`] : []);
        for (const v of [ada, bo]) await showsState(v, { chat: acknowledged });
        console.log(
          `  (stopped in ${took} ms; ${acknowledged.length} of 8 requests were taken before the stop)`,
        );
      },
    );

    await t.step(
      "one message in three to the room is lost: every viewer still ends on the final state",
      async () => {
        await stack.app.kill("SIGTERM");
        await stack.app.restart({ FAULT_DROP_SENDS: "3" });
        await api(studio, "PUT", `${base}/pins`, { productIds: [scarf] });
        await api(studio, "PUT", `${base}/highlight`, { productId: scarf });
        await api(studio, "PUT", `${base}/pins`, { productIds: [scarf, shirt] });
        await api(ada, "POST", `${base}/cart/items`, { productId: scarf, quantity: 2 });
        await api(ada, "POST", `${base}/reservations`);
        await api(studio, "PUT", `${base}/highlight`, { productId: shirt });
        await api(studio, "PUT", `${base}/pins`, { productIds: [shirt, scarf] });
        for (const v of [ada, bo]) {
          await showsState(v, {
            pins: [shirt, scarf],
            highlight: shirt,
            stock: [scarf, 3],
          });
        }
      },
    );

    await t.step(
      "a viewer offline for 5 s comes back with the chat, highlight and stock it missed",
      async () => {
        await stack.app.kill("SIGTERM");
        await stack.app.restart();
        await bo.context().setOffline(true);
        await api(studio, "POST", `${base}/chat`, { text: "while you were away" });
        await api(studio, "PUT", `${base}/highlight`, { productId: scarf });
        await api(ada, "POST", `${base}/cart/items`, { productId: shirt, quantity: 1 });
        await api(ada, "POST", `${base}/reservations`);
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        await bo.context().setOffline(false);
        await showsState(bo, { chat: ["while you were away"], highlight: scarf, stock: [shirt, 4] });
      },
    );
  },
);
