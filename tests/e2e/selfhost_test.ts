// Self-hosting, proven on this machine without containers: scripts/selfhost init writes the
// .env, Debian's docker-compose validates and resolves docker-compose.yml with it, the
// Dockerfile's build steps run natively, and the three services start as compose would start
// them (tests/e2e/selfhost/native_stack.ts): Caddy with its local CA for showfloor.localhost,
// livekit-server with livekit.compose.yaml, the app in production with its image's
// least-privilege command. Then Chromium, over HTTPS only: a seller signs up and goes live
// through wss:// on the same origin; one viewer decodes video, another through LiveKit's TURN
// relay only. A backup taken while live restores into a new folder that a second app serves
// with everything in it, and /readyz follows LiveKit down and back up. One stack for it all.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { assert, assertEquals } from "@/tests/assert.ts";
import {
  launchBrowser,
  relayOnly,
  selectedPaths,
  waitForInbound,
  withRtcStats,
} from "@/tests/e2e/harness/browser.ts";
import { freePort } from "@/tests/e2e/harness/ports.ts";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";
import { PNG_BYTES } from "@/tests/fixtures/images.ts";
import {
  api,
  createProduct,
  createStreamAsSeller,
  goLive,
  type SellerStudio,
  UI_TIMEOUT,
} from "./live_flow.ts";
import { composeConfig } from "./selfhost/compose_config.ts";
import { buildNatively } from "./selfhost/docker_build.ts";
import { NativeStack } from "./selfhost/native_stack.ts";
import { PortMap } from "./selfhost/port_map.ts";
import { restoredData } from "./selfhost/restored_data.ts";

const DOMAIN = "showfloor.localhost";
const PASSWORD = "a long enough password";

/** Runs scripts/NAME with ARGS; returns stdout and stderr together, throws on a non-zero exit. */
async function script(name: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(`${REPO_ROOT}/scripts/${name}`, {
    args,
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const text = new TextDecoder().decode(new Uint8Array([...out.stdout, ...out.stderr]));
  if (!out.success) throw new Error(`scripts/${name} ${args.join(" ")} failed:\n${text}`);
  return text;
}

/** GET `path` from the page's origin (Chromium resolves *.localhost and has the cookies). */
function fetchFrom(page: Page, path: string): Promise<{ status: number; body: string }> {
  return page.evaluate(async (path) => {
    const res = await fetch(path, { cache: "no-store" });
    return { status: res.status, body: await res.text() };
  }, path);
}

/** Milliseconds until /readyz answers `status`, polled every 100 ms. */
async function readyzTurns(page: Page, status: number): Promise<{ ms: number; body: string }> {
  const start = Date.now();
  for (;;) {
    const res = await fetchFrom(page, "/readyz");
    if (res.status === status) return { ms: Date.now() - start, body: res.body };
    if (Date.now() - start > UI_TIMEOUT) throw new Error(`/readyz stayed ${res.status}: ${res.body}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

Deno.test({
  name: "the compose deployment, run natively: HTTPS on one origin, TURN relay, backups, readiness",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const tmp = await Deno.makeTempDir({ prefix: "showfloor-selfhost-" });
    let stack: NativeStack | undefined;
    let browser: Browser | undefined;
    try {
      const envFile = join(tmp, ".env");
      await t.step("scripts/selfhost init writes a .env that scripts/selfhost check accepts", async () => {
        await script("selfhost", [
          "init",
          "--domain",
          DOMAIN,
          "--public-ip",
          "127.0.0.1",
          "--env-file",
          envFile,
        ]);
        assert(
          (await script("selfhost", ["check", "--env-file", envFile])).includes(
            "Ready: docker compose up -d",
          ),
        );
      });

      const compose = await composeConfig(envFile);
      await t.step(
        "docker-compose validates the file: host network, restarts, healthchecks, app after LiveKit",
        () => {
          assertEquals(Object.keys(compose.services).sort(), ["app", "caddy", "livekit"]);
          for (const [name, service] of Object.entries(compose.services)) {
            assertEquals([service.network_mode, service.restart], ["host", "unless-stopped"], name);
            assert(service.healthcheck?.test.length, `${name} has a healthcheck`);
          }
          const app = compose.services.app!;
          assertEquals(app.depends_on, { livekit: { condition: "service_healthy" } });
          assertEquals(app.environment.LIVEKIT_PUBLIC_URL, `wss://${DOMAIN}`);
          assertEquals(app.environment.TRUSTED_PROXIES, "127.0.0.1");
        },
      );

      const image = await buildNatively(join(tmp, "image"));
      await t.step("the Dockerfile's build steps run natively: install, island bundles, cache", async () => {
        assertEquals(image.ran, ["deno install --frozen", "deno task build && deno cache --frozen main.ts"]);
        assert((await Deno.stat(join(image.workdir, "_fresh/islands"))).isDirectory);
        assertEquals(image.cmd, ["deno", "task", "start"]);
      });

      const ports = await PortMap.pick(DOMAIN);
      const volumes = Object.fromEntries(compose.volumes.map((name) => [name, join(tmp, "volumes", name)]));
      for (const dir of Object.values(volumes)) await Deno.mkdir(dir, { recursive: true });
      stack = new NativeStack(compose, image, ports, volumes);
      const running = stack;
      await t.step(
        "LiveKit, the app and Caddy start in compose's order, each healthy by its own check",
        async () => {
          await running.startLivekit();
          await running.startApp();
          await running.startCaddy(DOMAIN);
        },
      );

      await t.step("the app runs with its production permissions, not -A", async () => {
        const [command] = await running.childCommands("app");
        const dataDir = running.hostPath("app", compose.services.app!.environment.DATA_DIR!);
        assert(command && !command.includes("-A") && !command.includes("--allow-all"), `${command}`);
        assert(command.includes(`--allow-write=${dataDir}`), `writes only its data folder: ${command}`);
        assert(command.includes(`--allow-read=.,${dataDir}`), `reads its folder and its data: ${command}`);
      });

      await t.step(
        "an app given a LiveKit secret LiveKit does not share refuses to start, saying why",
        async () => {
          const { code, output } = await running.appRefusal({
            LIVEKIT_API_SECRET: "not-the-secret-livekit-was-given-0000000",
            PORT: String(await freePort()),
          });
          assertEquals(code, 1, output);
          assert(output.includes("Showfloor cannot start: LiveKit at ws://127.0.0.1:"), output);
          assert(output.includes("must be the pair LiveKit has in LIVEKIT_KEYS"), output);
        },
      );

      const origin = `https://${DOMAIN}:${ports.native.https}`;
      browser = await launchBrowser({ args: ["--ignore-certificate-errors"] });
      let seller!: SellerStudio;
      await t.step("a seller signs up over HTTPS and keeps the Secure session cookie", async () => {
        seller = await createStreamAsSeller(browser!, origin);
        const session = (await seller.studio.context().cookies(origin)).find((c) => c.name === "sf_session");
        assert(session?.secure && session.httpOnly, `the session cookie: ${JSON.stringify(session)}`);
        assert(seller.watchUrl.startsWith(`${origin}/watch/`), `shared link: ${seller.watchUrl}`);
      });

      await t.step(
        "the seller goes live with the camera, signalling through wss:// on the same origin",
        async () => {
          const sockets: string[] = [];
          seller.studio.on("websocket", (ws) => sockets.push(ws.url()));
          await goLive(seller.studio);
          assert(
            sockets.some((url) => url.startsWith(`wss://${DOMAIN}:${ports.native.https}/rtc`)),
            `${sockets}`,
          );
        },
      );

      const direct = await (await withRtcStats(await browser.newContext())).newPage();
      await t.step("a viewer decodes the seller's video", async () => {
        await direct.goto(seller.watchUrl);
        await waitForInbound(direct, (s) => s.framesDecoded > 10, UI_TIMEOUT);
      });

      await t.step(
        "a viewer allowed only relayed ICE decodes video through LiveKit's TURN server",
        async () => {
          const context = await withRtcStats(await relayOnly(await browser!.newContext()));
          const relayed = await context.newPage();
          const start = Date.now();
          await relayed.goto(seller.watchUrl);
          await waitForInbound(relayed, (s) => s.framesDecoded > 0, UI_TIMEOUT);
          console.log(`relay-only viewer: first frame ${Date.now() - start} ms after opening the page`);
          await waitForInbound(relayed, (s) => s.framesDecoded > 30, UI_TIMEOUT);
          const paths = await selectedPaths(relayed);
          assert(paths.length > 0 && paths.every((p) => p.localType === "relay"), JSON.stringify(paths));
          console.log(`relay-only viewer's media path: ${JSON.stringify(paths)}`);
        },
      );

      let productId = "";
      const chatText = "Backed up while live";
      const archive = join(tmp, "showfloor-backup.tar.gz");
      await t.step("a backup taken while live does not disturb the stream", async () => {
        productId = await createProduct(seller.studio, { name: "Linen shirt", image: true });
        await api(seller.studio, "POST", `/api/streams/${seller.streamId}/chat`, { text: chatText });
        const before = await waitForInbound(direct, (s) => s.framesDecoded > 0);
        const dataDir = running.hostPath("app", compose.services.app!.environment.DATA_DIR!);
        // The native stand-in for scripts/backup run against the compose stack (docker compose exec).
        assert((await script("backup", ["--data-dir", dataDir, "--out", archive])).includes("Wrote"));
        await waitForInbound(direct, (s) => s.framesDecoded > before.framesDecoded + 30, UI_TIMEOUT);
        assert(await seller.studio.isVisible(".studio[data-phase=live]"), "the seller is still live");
      });

      await t.step(
        "restored into a new folder, a second app has the seller, stream, chat and product",
        async () => {
          const restored = join(tmp, "restored");
          await script("restore", [archive, "--data-dir", restored]);
          const port = await freePort();
          const app = await running.startAppOn(restored, port);
          try {
            const found = await restoredData(`http://127.0.0.1:${port}`, {
              email: "seller@example.com",
              password: PASSWORD,
              streamId: seller.streamId,
            });
            assertEquals(found.streamTitle, "Spring linen drop");
            assert(found.chat.includes(chatText), `chat: ${found.chat}`);
            const product = found.products.find((p) => p.id === productId);
            assertEquals(product?.name, "Linen shirt");
            assertEquals(product?.image, PNG_BYTES);
          } finally {
            await app.stop();
          }
        },
      );

      await t.step(
        "/readyz answers 503 naming LiveKit while it is stopped, and 200 once it is back",
        async () => {
          await readyzTurns(direct, 200);
          await running.running.get("livekit")!.stop();
          const down = await readyzTurns(direct, 503);
          assert(JSON.parse(down.body).checks.livekit.includes("did not answer"), down.body);
          const restart = Date.now();
          await running.startLivekit();
          const up = await readyzTurns(direct, 200);
          console.log(
            `/readyz: 503 ${down.ms} ms after LiveKit stopped; 200 ${up.ms} ms after it was healthy ` +
              `(${Date.now() - restart} ms after its restart began)`,
          );
        },
      );
    } catch (error) {
      if (stack) console.error(stack.logs());
      throw error;
    } finally {
      await browser?.close();
      await stack?.stop();
      await Deno.remove(tmp, { recursive: true }).catch(() => {});
    }
  },
});
