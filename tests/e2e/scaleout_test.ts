// Scale-out, proven on loopback with every part real (tests/e2e/harness/scaleout.ts): Redis,
// two LiveKit nodes on it, denokv, two app processes on it, and Caddy in front from the
// repository's Caddyfiles. Caddy's sticky cookie keeps the seller on process A and the viewers
// on B; both agree on every screen, and 50 buyers spread over both reserve a stock of 10. Two
// streams are hosted by two nodes and both play. Process A dies mid-stream: the seller goes on
// through B and B delivers what A had not. The node hosting the first stream stops: its seller
// and viewers come back on the other node, decoding again without a reload. One stack for all.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import { inboundStats, launchBrowser, waitForInbound, withRtcStats } from "@/tests/e2e/harness/browser.ts";
import { type AppServer, startApp } from "@/tests/e2e/harness/app.ts";
import { type DenoKvServer, startDenokv } from "@/tests/e2e/harness/denokv.ts";
import type { LivekitServer } from "@/tests/e2e/harness/livekit.ts";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";
import { adaptCaddyfile } from "@/tests/e2e/harness/proxy.ts";
import { type ScaleoutStack, startScaleout } from "@/tests/e2e/harness/scaleout.ts";
import { chatLine, mark, showsState } from "@/tests/e2e/page_state.ts";
import {
  api,
  createProduct,
  createStreamAsSeller,
  goLive,
  type SellerStudio,
  UI_TIMEOUT,
} from "./live_flow.ts";
import { type Buyer, newBuyer } from "./scaleout/buyers.ts";
import { composeConfig } from "./selfhost/compose_config.ts";

/** A browser context whose requests the proxy sends to the app on `port` (while it is up). */
async function contextOn(browser: Browser, stack: ScaleoutStack, port: number): Promise<BrowserContext> {
  const context = await withRtcStats(await browser.newContext());
  await context.addCookies([{ ...stack.proxy.stickTo(port), url: stack.url }]);
  return context;
}

/** The app process (its port) the proxy sends the context to now. */
async function processOf(context: BrowserContext, stack: ScaleoutStack): Promise<number | undefined> {
  const cookie = (await context.cookies(stack.url)).find((c) => c.name === stack.proxy.stickTo(0).name);
  return stack.apps.map((a) => a.port).find((port) => stack.proxy.stickTo(port).value === cookie?.value);
}

/** The LiveKit node LiveKit placed the stream's room on last (each node logs the choices it makes). */
function nodeOf(stack: ScaleoutStack, streamId: string): LivekitServer | undefined {
  const chosen = stack.nodes.flatMap((n) => n.logs().split("\n"))
    .filter((line) => line.includes("selected node for room") && line.includes(streamId))
    .sort() // Each line starts with its time.
    .map((line) => /"selectedNodeID": "(\w+)"/.exec(line)?.[1]);
  return stack.nodes.find((n) => n.nodeId() === chosen.at(-1));
}

async function viewerOf(
  browser: Browser,
  stack: ScaleoutStack,
  port: number,
  watchUrl: string,
): Promise<Page> {
  const page = await (await contextOn(browser, stack, port)).newPage();
  await page.goto(watchUrl);
  await page.waitForSelector(".player[data-phase=playing]", { timeout: UI_TIMEOUT });
  await page.waitForSelector(".chat-panel[data-ready=true]", { timeout: UI_TIMEOUT });
  await waitForInbound(page, (s) => s.framesDecoded > 10, UI_TIMEOUT);
  await mark(page);
  return page;
}

/**
 * Resolves once the page has decoded `frames` more video frames. A peer connection that
 * closes drops out of the page's sum, so only increases count.
 */
async function decodes(page: Page, frames: number, timeoutMs = UI_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = (await inboundStats(page)).framesDecoded;
  for (let gained = 0; gained < frames;) {
    if (Date.now() > deadline) throw new Error(`${gained} of ${frames} frames decoded in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = (await inboundStats(page)).framesDecoded;
    gained += Math.max(0, now - last);
    last = now;
  }
}

/** Each reverse_proxy's upstreams in a Caddyfile as `caddy adapt` reads it with `env`; each must check health. */
async function adaptedUpstreams(file: string, env: Record<string, string>): Promise<string[][]> {
  const found: string[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const handler = node as {
      handler?: string;
      upstreams?: { dial: string }[];
      health_checks?: { active?: unknown };
    };
    if (handler.handler === "reverse_proxy") {
      assert(handler.health_checks?.active, `${file}: every upstream is health-checked`);
      found.push(handler.upstreams!.map((u) => u.dial));
    }
    Object.values(node).forEach(walk);
  };
  walk(await adaptCaddyfile(file, env));
  return found;
}

/** Outbox entries in the shared KV now. */
async function queued(stack: ScaleoutStack): Promise<number> {
  Deno.env.set("DENO_KV_ACCESS_TOKEN", stack.kv.accessToken);
  const kv = await Deno.openKv(stack.kv.url);
  try {
    return (await Array.fromAsync(kv.list({ prefix: ["outbox"] }))).length;
  } finally {
    kv.close();
  }
}

Deno.test({
  name: "scaled out: two app processes on denokv, two LiveKit nodes on Redis, Caddy in front",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const stack = await startScaleout();
    const browser = await launchBrowser();
    const [a, b] = stack.apps.map((app) => app.port) as [number, number];
    try {
      let seller!: SellerStudio;
      let viewers: Page[] = [];
      let shirt = "", scarf = "";
      const base = () => `/api/streams/${seller.streamId}`;

      await t.step("seller on process A, viewers on B: every screen agrees", async () => {
        const sellerContext = await contextOn(browser, stack, a);
        seller = await createStreamAsSeller(browser, stack.url, { context: sellerContext });
        await goLive(seller.studio);
        [shirt, scarf] = [
          await createProduct(seller.studio, { name: "Shirt", stock: 10 }),
          await createProduct(seller.studio, { name: "Scarf", stock: 5 }),
        ];
        viewers = [
          await viewerOf(browser, stack, b, seller.watchUrl),
          await viewerOf(browser, stack, b, seller.watchUrl),
        ];
        const [ada, bo] = viewers as [Page, Page];
        await api(seller.studio, "PUT", `${base()}/pins`, { productIds: [shirt, scarf] });
        await api(seller.studio, "PUT", `${base()}/highlight`, { productId: shirt });
        await api(seller.studio, "POST", `${base()}/chat`, { text: "Hello from the seller on A" });
        await api(ada, "POST", `${base()}/chat`, { text: "Hello from a viewer on B" });
        await api(bo, "POST", `${base()}/like`);
        await api(ada, "POST", `${base()}/cart/items`, { productId: scarf, quantity: 2 });
        await api(ada, "POST", `${base()}/reservations`);
        const chat = ["Hello from the seller on A", "Hello from a viewer on B"];
        for (const v of viewers) {
          await showsState(v, { chat, pins: [shirt, scarf], highlight: shirt, likes: 1, stock: [scarf, 3] });
        }
        for (const text of chat) await seller.studio.waitForSelector(chatLine(text), { timeout: UI_TIMEOUT });
        await seller.studio.waitForSelector(".likes[data-count='1']", { timeout: UI_TIMEOUT });
        await seller.studio.waitForSelector(".sales-feed .reservation:has-text('2 × Scarf')", {
          timeout: UI_TIMEOUT,
        });
        await seller.studio.waitForSelector(
          `.sales-feed .stock-left[data-product-id="${scarf}"][data-stock="3"]`,
          {
            timeout: UI_TIMEOUT,
          },
        );
        assertEquals(await processOf(sellerContext, stack), a, "the seller stayed on A");
        for (const v of viewers) {
          assertEquals(await processOf(v.context(), stack), b, "the viewers stayed on B");
        }
      });

      await t.step(
        "50 buyers on both processes reserve a stock of 10 at once: exactly 10 get one",
        async () => {
          const buyers: Buyer[] = [];
          for (let i = 0; i < 50; i++) {
            const port = i % 2 ? b : a;
            buyers.push(await newBuyer(seller.watchUrl, port, stack.proxy.stickTo(port)));
          }
          await Promise.all(
            buyers.map((buyer) => buyer.post(`${base()}/cart/items`, { productId: shirt, quantity: 1 })),
          );
          // Every race sells exactly 10. One whose 10 all went through one process did not
          // race the two (the machine ran that process first, not the app's doing): the seller
          // then restocks 10, and those without one race again, up to three times.
          const bothSold = (won: Buyer[]) =>
            won.some((w) => w.process === a) && won.some((w) => w.process === b);
          let racing = buyers, won: Buyer[] = [];
          for (let race = 1; race <= 3 && !bothSold(won); race++) {
            if (race > 1) {
              await api(seller.studio, "PATCH", `/api/products/${shirt}`, { stock: 10, stockShown: 0 });
            }
            const statuses = await Promise.all(racing.map((buyer) => buyer.post(`${base()}/reservations`)));
            won = racing.filter((_, i) => statuses[i] === 201);
            assertEquals(won.length, 10, `race ${race}, statuses: ${statuses}`);
            assert(
              statuses.every((s) => s === 201 || s === 409),
              `the rest are told it sold out: ${statuses}`,
            );
            racing = racing.filter((_, i) => statuses[i] !== 201);
          }
          assert(bothSold(won), "both processes sold in one race");
          assert(buyers.every((buyer) => buyer.stayed()), "each buyer stayed on its process");
          for (const v of viewers) {
            await v.waitForSelector(`.tray-item[data-product-id="${shirt}"] .stock-note.sold-out`, {
              timeout: UI_TIMEOUT,
            });
          }
          await seller.studio.waitForSelector(
            `.sales-feed .stock-left[data-product-id="${shirt}"][data-stock="0"]`,
            {
              timeout: UI_TIMEOUT,
            },
          );
        },
      );

      let second!: { seller: SellerStudio; viewer: Page };
      await t.step("a second stream goes to the other LiveKit node, and both streams play", async () => {
        const context = await contextOn(browser, stack, b);
        const other = await createStreamAsSeller(browser, stack.url, {
          context,
          email: "second@example.com",
          title: "Ceramics hour",
        });
        await goLive(other.studio);
        const viewer = await viewerOf(browser, stack, a, other.watchUrl);
        second = { seller: other, viewer };
        const [first, next] = [nodeOf(stack, seller.streamId), nodeOf(stack, other.streamId)];
        assert(first && next, "LiveKit logged where it placed both rooms");
        assert(first !== next, `two nodes host the two rooms (${first.nodeId()}, ${next.nodeId()})`);
        for (const v of [...viewers, viewer]) {
          await decodes(v, 20);
        }
      });

      await t.step(
        "process A dies mid-stream: the seller goes on through B, and B sends what A had not",
        async () => {
          const burst = Array.from({ length: 12 }, (_, i) => `Sent through A, number ${i + 1}`);
          await Promise.all([
            ...burst.map((text) => api(seller.studio, "POST", `${base()}/chat`, { text })),
            api(seller.studio, "PUT", `${base()}/highlight`, { productId: scarf }),
          ]);
          const died = Date.now();
          assertEquals((await stack.apps[0]!.kill("SIGKILL")).signal, "SIGKILL");
          const left = await queued(stack);
          console.log(
            `  (${left} announcements were still queued when A died; counted in ${Date.now() - died} ms)`,
          );
          for (const v of viewers) await showsState(v, { chat: burst, highlight: scarf });
          console.log(
            `  (every acknowledged announcement on the viewers' pages ${Date.now() - died} ms after A died)`,
          );
          // Until the proxy has seen A gone, a request may still go its way and fail (502, or 503
          // while no process is known to be up), as a seller would see once or twice; their next
          // try goes through B (chat resends with the same send id: it is posted once).
          const again = { text: "Still here, now through B", sendId: "after-a-died-1" };
          const tries = await untilAnswered(
            () => api(seller.studio, "POST", `${base()}/chat`, again),
            10_000,
          );
          console.log(
            `  (the seller's action went through B on try ${tries}, ${Date.now() - died} ms after A died)`,
          );
          for (const v of viewers) await showsState(v, { chat: ["Still here, now through B"] });
          assertEquals(
            await viewers[0]!.locator(".chat-message", { hasText: "Still here, now through B" }).count(),
            1,
          );
          assertEquals(await processOf(seller.studio.context(), stack), b, "the proxy moved the seller to B");
          await stack.apps[0]!.restart();
        },
      );

      await t.step(
        "the node hosting the first stream stops: everyone is back on the other node, without a reload",
        async () => {
          const node = nodeOf(stack, seller.streamId)!;
          const stopped = Date.now();
          await node.stop();
          // 5 frames: a frame or two still buffered from the stopped node does not count.
          const times = await Promise.all(viewers.map(async (v) => {
            await decodes(v, 5, 60_000);
            const first = Date.now() - stopped;
            await decodes(v, 25);
            return `${first} ms to 5 new frames, ${Date.now() - stopped} ms to 30`;
          }));
          console.log(`  (after the node began to stop, viewers decoded again: ${times.join("; ")})`);
          await seller.studio.waitForSelector(".studio[data-phase=live]", { timeout: UI_TIMEOUT });
          await api(seller.studio, "POST", `${base()}/chat`, { text: "Back on the other node" });
          for (const v of viewers) await showsState(v, { chat: ["Back on the other node"] });
          const now = nodeOf(stack, seller.streamId);
          assert(now && now !== node, "the room lives on the other node now");
          await decodes(second.viewer, 20);
        },
      );
    } catch (error) {
      console.error(stack.logs().slice(-20_000));
      throw error;
    } finally {
      await browser.close();
      await stack.stop();
    }
  },
});

Deno.test("docker-compose's scaleout profile: Redis, denokv on the app's volume, two app processes and LiveKit nodes, the balancer", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "showfloor-scaleout-compose-" });
  try {
    const envFile = `${tmp}/.env`;
    const init = await new Deno.Command(`${REPO_ROOT}/scripts/selfhost`, {
      args: ["init", "--domain", "live.example.com", "--public-ip", "203.0.113.7", "--env-file", envFile],
      stdout: "null",
      stderr: "piped",
    }).output();
    assert(init.success, new TextDecoder().decode(init.stderr));
    const token = "a-token-for-the-compose-test-0000";
    const lines = (await Deno.readTextFile(`${REPO_ROOT}/scaleout.env.example`))
      .replace(/^DENO_KV_ACCESS_TOKEN=$/m, `DENO_KV_ACCESS_TOKEN=${token}`);
    await Deno.writeTextFile(envFile, lines, { append: true });
    const { services, volumes } = await composeConfig(envFile, ["scaleout"]);
    assertEquals(Object.keys(services).sort(), [
      "app",
      "app-2",
      "balancer",
      "caddy",
      "denokv",
      "livekit",
      "livekit-2",
      "redis",
    ]);
    for (const [name, service] of Object.entries(services)) {
      assertEquals([service.network_mode, service.restart], ["host", "unless-stopped"], name);
    }
    const [app, app2] = [services.app!.environment, services["app-2"]!.environment];
    assertEquals([app.KV_PATH, app2.KV_PATH], ["http://127.0.0.1:4512", "http://127.0.0.1:4512"]);
    assertEquals([app.DENO_KV_ACCESS_TOKEN, app2.DENO_KV_ACCESS_TOKEN], [token, token]);
    assertEquals(services.denokv!.environment.DENO_KV_ACCESS_TOKEN, token);
    assertEquals([app.PORT, app2.PORT], ["8000", "8001"]);
    assertEquals([app.LIVEKIT_URL, app2.LIVEKIT_URL], ["ws://127.0.0.1:7870", "ws://127.0.0.1:7870"]);
    assertEquals(app2.APP_SECRET, app.APP_SECRET, "both processes sign cookies alike");
    assertEquals(
      [services.livekit!.environment.REDIS_HOST, services["livekit-2"]!.environment.REDIS_HOST],
      ["127.0.0.1:6379", "127.0.0.1:6379"],
    );
    // denokv serves the very file a single app wrote: the move to scale-out keeps every record.
    const command = services.denokv!.command ?? [];
    assertEquals(command[command.indexOf("--sqlite-path") + 1], "/data/showfloor.kv");
    assertEquals(services.denokv!.volumes[0]?.source, services.app!.volumes[0]?.source);
    assert(volumes.includes("showfloor-data"));
    for (const name of ["caddy", "balancer"]) {
      const env = services[name]!.environment;
      assertEquals([env.APP_PROCESSES, env.LIVEKIT_NODES], [
        "127.0.0.1:8000 127.0.0.1:8001",
        "127.0.0.1:7880 127.0.0.1:7890",
      ], name);
    }
    const dials = await adaptedUpstreams("Caddyfile", services.caddy!.environment);
    assertEquals(dials, [["127.0.0.1:7880", "127.0.0.1:7890"], ["127.0.0.1:8000", "127.0.0.1:8001"]]);
    const internal = await adaptedUpstreams("Caddyfile.internal", services.balancer!.environment);
    assertEquals(internal, [["127.0.0.1:8000", "127.0.0.1:8001"], ["127.0.0.1:7880", "127.0.0.1:7890"]]);
    assertEquals(Object.keys((await composeConfig(envFile)).services).sort(), ["app", "caddy", "livekit"]);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

/** Signs up (or in) over the JSON API; returns the session cookie. */
async function session(url: string, action: "signup" | "signin"): Promise<string> {
  const res = await fetch(`${url}/api/auth/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: "mover@example.com",
      password: "a long enough password",
      ...(action === "signup" ? { name: "Mover" } : {}),
    }),
  });
  await res.body?.cancel();
  assert(res.ok, `${action}: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

Deno.test("moving to scale-out: denokv serves a single app's KV file as it is, and an app on it has every record", async () => {
  // Neither app needs LiveKit for accounts and streams; nothing listens here.
  const livekit = {
    url: "ws://127.0.0.1:9",
    apiKey: "devkey",
    apiSecret: "a-secret-nobody-checks-here-0000000000",
  };
  const single = await startApp({ livekit });
  let kv: DenoKvServer | undefined;
  let shared: AppServer | undefined;
  try {
    const created = await fetch(`${single.url}/api/streams`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await session(single.url, "signup") },
      body: JSON.stringify({ title: "Before the move" }),
    });
    const { stream } = await created.json() as { stream: { id: string } };
    // Stopped first: one writer at a time on the file.
    await single.kill("SIGTERM");
    kv = await startDenokv({ sqlitePath: single.kvPath });
    shared = await startApp({ livekit, env: { KV_PATH: kv.url, DENO_KV_ACCESS_TOKEN: kv.accessToken } });
    const listed = await fetch(`${shared.url}/api/streams`, {
      headers: { cookie: await session(shared.url, "signin") },
    });
    const { streams } = await listed.json() as { streams: { id: string; title: string }[] };
    assertEquals(streams.map((s) => [s.id, s.title]), [[stream.id, "Before the move"]]);
  } finally {
    await shared?.stop();
    await kv?.stop();
    await single.stop();
  }
});

/** Tries `request` until it is answered (every 500 ms, for up to `ms`); how many tries it took. */
async function untilAnswered(request: () => Promise<unknown>, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  for (let tries = 1;; tries++) {
    try {
      await request();
      return tries;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
