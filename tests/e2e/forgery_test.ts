// Only the server speaks on the data channel (architecture decision 5). A viewer, and the
// seller too, connect with the very tokens the app gives them and try to forge what the
// server sends: the stream ending, a highlight pointing at their own shop, chat "from the
// seller". LiveKit refuses every packet, and an honest viewer's page shows none of it.
import type { Page } from "playwright-core";
import { assertEquals } from "@/tests/assert.ts";
import { inboundStats, waitForInbound } from "@/tests/e2e/harness/browser.ts";
import { installLivekitClient } from "@/tests/e2e/harness/livekit_client.ts";
import { createStreamAsSeller, goLive, liveTest, openViewer, UI_TIMEOUT } from "./live_flow.ts";

const at = new Date().toISOString();
const FORGED: [topic: string, message: unknown][] = [
  ["status", { v: 1, type: "status", status: "ended", at }],
  ["highlight", {
    v: 1,
    type: "highlight",
    product: {
      id: "fake1",
      name: "Forged bargain",
      priceMinor: 1,
      currency: "EUR",
      stock: 9,
      imageUrl: null,
    },
    sale: null,
    serverNow: at,
  }],
  ["chat", {
    v: 1,
    type: "chat",
    id: "zzzzzzzzzzzz",
    name: "Linen & Co",
    role: "seller",
    text: "Forged: pay me here",
    at,
  }],
  ["likes", { v: 1, type: "likes", count: 987654, version: "ffffffffffffffffffff" }],
];

/**
 * Connects a second LiveKit client with a token fetched from the app as the page's user
 * (`as` host or viewer) and publishes every forged packet; returns what publishData said.
 */
function forgeFrom(page: Page, streamId: string, as: "host" | "viewer"): Promise<string[]> {
  return page.evaluate(async ({ streamId, as, forged }) => {
    const LK = (globalThis as unknown as { LK: typeof import("livekit-client") }).LK;
    const res = await fetch(`/api/streams/${streamId}/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ as }),
    });
    const { serverUrl, token } = await res.json();
    const room = new LK.Room();
    await room.connect(serverUrl, token);
    const outcomes: string[] = [];
    for (const [topic, message] of forged) {
      try {
        const bytes = new TextEncoder().encode(JSON.stringify(message));
        await room.localParticipant.publishData(bytes, { reliable: true, topic });
        outcomes.push(`${topic}: no error from the client`);
      } catch (error) {
        outcomes.push(`${topic}: ${error}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await room.disconnect();
    return outcomes;
  }, { streamId, as, forged: FORGED });
}

/** Logs every data packet a plain client with the app's viewer token receives, from anyone. */
async function startProbe(page: Page, streamId: string): Promise<() => Promise<string[]>> {
  await page.evaluate(async (streamId) => {
    const LK = (globalThis as unknown as { LK: typeof import("livekit-client") }).LK;
    const res = await fetch(`/api/streams/${streamId}/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const { serverUrl, token } = await res.json();
    const room = new LK.Room();
    const heard: string[] = [];
    room.on(LK.RoomEvent.DataReceived, (payload, from, _kind, topic) => {
      heard.push(`${topic} from ${from?.identity ?? "the server"}: ${new TextDecoder().decode(payload)}`);
    });
    await room.connect(serverUrl, token);
    Object.assign(globalThis, { heard });
  }, streamId);
  return () => page.evaluate(() => (globalThis as unknown as { heard: string[] }).heard);
}

liveTest(
  "nobody but the server speaks in a stream's room: forged packets never arrive",
  async (t, { stack, browser }) => {
    const { studio, streamId, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    await goLive(studio);
    const honest = await openViewer(browser, watchUrl);
    await waitForInbound(honest, (s) => s.framesDecoded > 0);
    const prober = await openViewer(browser, watchUrl, { bypassCSP: true });
    await installLivekitClient(prober);
    const heard = await startProbe(prober, streamId);

    await t.step("a viewer's own token publishes nothing: LiveKit drops every forged packet", async () => {
      const attacker = await openViewer(browser, watchUrl, { bypassCSP: true });
      await installLivekitClient(attacker);
      console.log("viewer's attempts:", await forgeFrom(attacker, streamId, "viewer"));
    });

    await t.step("the seller's token publishes nothing either", async () => {
      const context = await browser.newContext({ bypassCSP: true });
      const seller = await context.newPage();
      await seller.goto(`${stack.appUrl}/signin`);
      await seller.fill("input[name=email]", "seller@example.com");
      await seller.fill("input[name=password]", "a long enough password");
      await seller.click("form.form button[type=submit]");
      await seller.waitForURL(`${stack.appUrl}/studio`);
      await installLivekitClient(seller);
      console.log("seller's attempts:", await forgeFrom(seller, streamId, "host"));
    });

    await t.step("what the server says still arrives, and nothing forged does", async () => {
      await studio.fill(".chat-input", "Real message from the studio");
      await studio.click(".chat-send");
      await honest.waitForSelector(".chat-text:has-text('Real message from the studio')", {
        timeout: UI_TIMEOUT,
      });
      const packets = await heard();
      assertEquals(
        packets.some((p) => p.includes("Real message from the studio")),
        true,
        "the probe hears the server",
      );
      assertEquals(packets.filter((p) => !p.includes("from the server")), [], "no packet from a participant");
      assertEquals(packets.filter((p) => /Forged|987654|"ended"/.test(p)), [], "no forged packet at all");
    });

    await t.step("the honest viewer shows none of it and keeps playing", async () => {
      assertEquals(await honest.locator(".chat-text:has-text('Forged')").count(), 0);
      assertEquals(await honest.locator(".highlight-card").count(), 0);
      assertEquals(await honest.getAttribute(".likes", "data-count"), "0");
      assertEquals(await honest.getAttribute(".player", "data-phase"), "playing");
      const before = (await inboundStats(honest)).framesDecoded;
      await waitForInbound(honest, (s) => s.framesDecoded > before + 10);
    });
  },
);

liveTest(
  "the seller opening their own watch page in a second tab does not kick the studio",
  async (_t, { stack, browser }) => {
    const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    await goLive(studio);
    const viewer = await openViewer(browser, watchUrl);
    await waitForInbound(viewer, (s) => s.framesDecoded > 0);
    // Same browser, same cookies: the studio's "Watch link" opened in a new tab.
    const ownTab = await studio.context().newPage();
    await ownTab.goto(watchUrl);
    await ownTab.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assertEquals(await studio.getAttribute(".studio", "data-phase"), "live", "the studio is still on air");
    const before = (await inboundStats(viewer)).framesDecoded;
    await waitForInbound(viewer, (s) => s.framesDecoded > before + 30);
    await viewer.waitForSelector(".viewer-count[data-current='1']", { timeout: UI_TIMEOUT });
  },
);
