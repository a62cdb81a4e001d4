// The live room's audience features against real parts. First the facts architecture
// decision 7 rests on (how LiveKit treats a participant joined with the `hidden` grant)
// and those a capped stream's seats rest on (a join's webhook names the address its token
// does; how long past its expiry LiveKit still takes a token), then reactions, likes and
// the viewer count through the app and Chromium.
// tests/e2e/forgery_test.ts holds the rule that no participant publishes data.
import { DataPacket_Kind, RoomServiceClient, WebhookReceiver } from "livekit-server-sdk";
import { assert, assertEquals } from "@/tests/assert.ts";
import { encodeMessage, message } from "@/lib/contract/messages.ts";
import { ADDRESS_ATTRIBUTE, roomName } from "@/lib/livekit/names.ts";
import {
  mintToken,
  sellerGrant,
  VIEWER_TOKEN_OPENS_MS,
  VIEWER_TOKEN_TTL_SECONDS,
  viewerGrant,
} from "@/lib/livekit/tokens.ts";
import type { Page } from "playwright-core";
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { installLivekitClient } from "@/tests/e2e/harness/livekit_client.ts";
import { startLivekit } from "@/tests/e2e/harness/livekit.ts";
import { freePort } from "@/tests/e2e/harness/ports.ts";
import { createStreamAsSeller, goLive, liveTest, openViewer, UI_TIMEOUT } from "./live_flow.ts";

/** Resolves once `predicate` holds, polling every 100 ms; throws after `timeoutMs`. */
async function eventually<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = UI_TIMEOUT,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

Deno.test({
  name: "a hidden viewer stays unseen by the seller, yet server messages reach it, " +
    "and webhooks announce its join and leave",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    // One loopback server: a blank page for the browser, and LiveKit's webhook target.
    const port = await freePort();
    const events: { event: string; identity?: string; room?: string; attributes?: Record<string, string> }[] =
      [];
    let receiver: WebhookReceiver | null = null;
    const server = Deno.serve({ hostname: "127.0.0.1", port, onListen() {} }, async (req) => {
      if (req.method !== "POST") {
        return new Response("<!doctype html><title>room</title>", {
          headers: { "content-type": "text/html" },
        });
      }
      const event = await receiver!.receive(await req.text(), req.headers.get("authorization") ?? undefined);
      const { participant } = event;
      events.push({
        event: event.event,
        identity: participant?.identity,
        room: event.room?.name,
        attributes: participant?.attributes,
      });
      return new Response("ok");
    });
    const livekit = await startLivekit({ webhookUrl: `http://127.0.0.1:${port}/webhook` });
    receiver = new WebhookReceiver(livekit.apiKey, livekit.apiSecret);
    const browser = await launchBrowser();
    try {
      const streamId = "hidden-check";
      const room = roomName(streamId);
      const sellerToken = mintToken(
        livekit,
        { identity: "seller-s", name: "Seller" },
        sellerGrant(streamId),
      );
      // The app's own viewer token, which joins hidden and names its seat's address.
      const viewerToken = mintToken(
        livekit,
        { identity: "guest-v", name: "Viewer", attributes: { [ADDRESS_ATTRIBUTE]: "10.9.9.9" } },
        viewerGrant(streamId),
        VIEWER_TOKEN_TTL_SECONDS,
      );
      const page = await (await browser.newContext()).newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await installLivekitClient(page);
      await page.evaluate(async ({ url, sellerToken, viewerToken }) => {
        const LK = (globalThis as unknown as { LK: typeof import("livekit-client") }).LK;
        const log: { who: string; topic?: string; text: string; from?: string }[] = [];
        const seller = new LK.Room();
        const viewer = new LK.Room();
        for (const [who, r] of [["seller", seller], ["viewer", viewer]] as const) {
          r.on(LK.RoomEvent.DataReceived, (payload, from, _kind, topic) => {
            log.push({ who, topic, text: new TextDecoder().decode(payload), from: from?.identity });
          });
        }
        await seller.connect(url, sellerToken);
        await viewer.connect(url, viewerToken);
        Object.assign(globalThis, { seller, viewer, log });
      }, { url: livekit.url, sellerToken, viewerToken });

      const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
      const likes = (count: number) => encodeMessage({ ...message("likes", { count }), version: "1" });
      await rooms.sendData(room, likes(1), DataPacket_Kind.RELIABLE, { topic: "likes" });
      await rooms.sendData(room, likes(2), DataPacket_Kind.RELIABLE, {
        topic: "likes",
        destinationIdentities: ["guest-v"],
      });
      const seen = await eventually(
        "the hidden viewer receives both server messages",
        () =>
          page.evaluate(() => {
            const g = globalThis as unknown as { log: { who: string; topic?: string; text: string }[] };
            const mine = g.log.filter((m) => m.who === "viewer" && m.topic === "likes").map((m) => m.text);
            return mine.length >= 2 ? mine : null;
          }),
      );
      assertEquals(seen.map((t) => JSON.parse(t).count).sort(), [1, 2]);

      const view = await page.evaluate(() => {
        const g = globalThis as unknown as {
          seller: import("livekit-client").Room;
          log: { who: string; topic?: string; from?: string }[];
        };
        return { sellerSees: [...g.seller.remoteParticipants.keys()] };
      });
      assertEquals(view.sellerSees, [], "the seller is never told about the hidden viewer");
      const listed = await rooms.listParticipants(room);
      assert(listed.some((p) => p.identity === "guest-v"), "the room service still lists the hidden viewer");

      const joined = (identity: string, event: string) =>
        events.some((e) => e.event === event && e.identity === identity && e.room === room);
      await eventually(
        "participant_joined for the hidden viewer",
        () => joined("guest-v", "participant_joined"),
      );
      const join = events.find((e) => e.event === "participant_joined" && e.identity === "guest-v");
      assertEquals(join?.attributes?.[ADDRESS_ATTRIBUTE], "10.9.9.9", "its join names its seat's address");
      await page.evaluate(() =>
        (globalThis as unknown as { viewer: import("livekit-client").Room }).viewer.disconnect()
      );
      await eventually("participant_left for the hidden viewer", () => joined("guest-v", "participant_left"));
      await page.evaluate(() =>
        (globalThis as unknown as { seller: import("livekit-client").Room }).seller.disconnect()
      );
    } finally {
      await browser.close();
      await livekit.stop();
      await server.shutdown();
    }
  },
});

Deno.test({
  name: "LiveKit lets a viewer's token in past its expiry for no longer than its seat is held",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const livekit = await startLivekit();
    try {
      // A token whose expiry is `ago` seconds past (nbf now: LiveKit checks each on its own).
      const opens = async (ago: number) => {
        const who = { identity: "guest-v", name: "Viewer" };
        const token = mintToken(livekit, who, viewerGrant("leeway-check"), -ago);
        const res = await fetch(`${livekit.httpUrl}/rtc/validate?access_token=${token}`);
        await res.body?.cancel();
        return res.ok;
      };
      const heldFor = VIEWER_TOKEN_OPENS_MS / 1000 - VIEWER_TOKEN_TTL_SECONDS;
      assert(await opens(heldFor / 2), "LiveKit lets a token in a little past its expiry");
      assertEquals(await opens(heldFor + 5), false, "but not once the seat it held is free again");
    } finally {
      await livekit.stop();
    }
  },
});

/** Waits until `selector` matches on every page. */
async function allShow(pages: Page[], selector: string): Promise<void> {
  await Promise.all(pages.map((p) => p.waitForSelector(selector, { timeout: UI_TIMEOUT })));
}

liveTest(
  "reactions, likes and the viewer count reach the seller and other viewers through LiveKit",
  async (t, { stack, browser }) => {
    const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
    await goLive(studio);
    const [a, b] = [await openViewer(browser, watchUrl), await openViewer(browser, watchUrl)];
    const viewers = [a, b];
    await allShow(viewers, ".player[data-phase=playing]");
    await allShow(viewers, ".reaction-bar[data-ready]");

    await t.step("the viewer count rises to 2 on the studio and the watch pages", async () => {
      await allShow([studio, a, b], ".viewer-count[data-current='2'][data-ready]");
      await studio.waitForSelector(".viewer-names li >> nth=1", { state: "attached", timeout: UI_TIMEOUT });
      // The names are behind a disclosure a screen reader (and a test) finds as a button.
      await studio.getByRole("button", { name: "Who's watching" }).click();
      await studio.locator(".viewer-names li").nth(1).waitFor({ timeout: UI_TIMEOUT });
    });

    await t.step("a viewer who renames while watching is listed under the new name", async () => {
      const form = a.locator("form.guest-name");
      await form.getByLabel("Your name in chat").fill("Lila 🌸");
      await form.getByRole("button", { name: "Save" }).click();
      await a.getByText("Saved. Lila 🌸 is your name in chat.").waitFor({ timeout: UI_TIMEOUT });
      await studio.locator(".viewer-names li", { hasText: "Lila 🌸" }).waitFor({ timeout: UI_TIMEOUT });
    });

    await t.step(
      "a reaction from a viewer reaches the seller's tally, kept for a studio opened later, and floats on the other viewer",
      async () => {
        const counted = ".reaction-tally li[data-emoji='🔥']:not([data-count='0'])";
        // Reactions are lossy by design: one may drop while the data channel opens.
        for (let attempt = 1;; attempt++) {
          await a.click(".reaction-bar button[data-emoji='🔥']");
          try {
            await studio.waitForSelector(counted, { timeout: 3_000 });
            break;
          } catch (error) {
            if (attempt === 5) throw error;
          }
        }
        await a.waitForSelector(".reaction-overlay:not([data-shown='0'])", { timeout: UI_TIMEOUT });
        await b.waitForSelector(".reaction-overlay:not([data-shown='0'])", { timeout: UI_TIMEOUT });
        // A studio opened later (another tab, a reload) starts from the stream's totals.
        const later = await studio.context().newPage();
        await later.goto(studio.url());
        await later.waitForSelector(counted, { timeout: UI_TIMEOUT });
        await later.close();
      },
    );

    await t.step(
      "a like from viewer A shows on viewer B; after both reload, the count is unchanged; " +
        "a second like from the same viewer toggles it off",
      async () => {
        await allShow(viewers, ".likes[data-count='0'][data-ready]");
        await a.click(".likes button");
        await a.waitForSelector(".likes[data-count='1'][data-liked='true']", { timeout: UI_TIMEOUT });
        await allShow([b, studio], ".likes[data-count='1'][data-liked='false']");
        await Promise.all(viewers.map((v) => v.reload()));
        await a.waitForSelector(".likes[data-count='1'][data-liked='true']", { timeout: UI_TIMEOUT });
        await b.waitForSelector(".likes[data-count='1'][data-liked='false']", { timeout: UI_TIMEOUT });
        await allShow(viewers, ".player[data-phase=playing]");
        await allShow(viewers, ".likes[data-ready]");
        await a.click(".likes button");
        await allShow([a, b, studio], ".likes[data-count='0'][data-liked='false']");
      },
    );

    await t.step(
      "the viewer count falls back to 1 when one viewer leaves, and the peak stays 2",
      async () => {
        await allShow([studio, a], ".viewer-count[data-current='2']");
        await b.close({ runBeforeUnload: true });
        await allShow([studio, a], ".viewer-count[data-current='1'][data-peak='2']");
        const home = await (await browser.newContext()).newPage();
        await home.goto(stack.appUrl);
        await home.waitForSelector(".stream-card[data-viewers='1']", { timeout: UI_TIMEOUT });
      },
    );
  },
);
