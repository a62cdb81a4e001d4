// Recovery times with the real stack, a seller live from the studio and two viewers:
//   - livekit-server restarts: how long until the viewer decodes video again, against the
//     baseline of the restart itself (until LiveKit answers HTTP again);
//   - the app is killed and restarted on the same KV: how long until a chat message typed
//     while it was down shows on another viewer, against the baseline of the app's own
//     start (until /healthz answers).
//   deno run -A --unstable-bundle bench/recovery.ts [rounds]
import type { Page } from "playwright-core";
import { launchBrowser, waitForInbound } from "@/tests/e2e/harness/browser.ts";
import { startStack } from "@/tests/e2e/harness/stack.ts";
import { createStreamAsSeller, goLive, openViewer } from "@/tests/e2e/live_flow.ts";
import { percentile } from "./bench_kit.ts";

const ROUNDS = Number(Deno.args[0] ?? 3);
const OUTAGE_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function decodingAgain(viewer: Page): Promise<void> {
  const before = await waitForInbound(viewer, () => true);
  await waitForInbound(
    viewer,
    (s) => s.framesDecoded > before.framesDecoded + 5 && s.framesDecoded > 0,
    120_000,
  );
}

const stack = await startStack();
const browser = await launchBrowser();
try {
  const { studio, watchUrl } = await createStreamAsSeller(browser, stack.appUrl);
  await goLive(studio);
  const [ada, bo] = [await openViewer(browser, watchUrl), await openViewer(browser, watchUrl)];
  for (const v of [ada, bo]) {
    await v.waitForSelector(".player[data-phase=playing]", { timeout: 30_000 });
    await v.waitForSelector(".chat-panel[data-ready=true]", { timeout: 30_000 });
  }
  const rows: { what: string; baseline: number; recovery: number }[] = [];

  for (let round = 0; round < ROUNDS; round++) {
    await decodingAgain(ada);
    const restartAt = performance.now();
    await stack.livekit.restart();
    const answering = performance.now();
    // Drained while LiveKit was down: the count restarts with the new connection.
    await ada.waitForSelector(".player[data-phase=playing]", { timeout: 120_000 });
    await waitForInbound(ada, (s) => s.framesDecoded > 5, 120_000);
    rows.push({
      what: "LiveKit restart",
      baseline: answering - restartAt,
      recovery: performance.now() - restartAt,
    });

    const text = `typed while down ${round}`;
    const killedAt = performance.now();
    await stack.app.kill("SIGKILL");
    await ada.fill(".chat-input", text);
    await ada.click(".chat-send");
    await sleep(OUTAGE_MS);
    const startAt = performance.now();
    await stack.app.restart();
    const healthy = performance.now();
    await bo.waitForSelector(`.chat-message:has-text("${text}")`, { timeout: 120_000 });
    rows.push({ what: "app restart", baseline: healthy - startAt, recovery: performance.now() - startAt });
    console.log(`round ${round + 1}: app down ${((startAt - killedAt) / 1000).toFixed(1)} s`);
  }

  console.log(`\nRecovery, ${ROUNDS} rounds (ms; ratio = recovery / baseline)\n`);
  console.log(
    "| what                                        | baseline p50 | recovery p50 | recovery max | ratio p50 |",
  );
  console.log(
    "|---------------------------------------------|--------------|--------------|--------------|-----------|",
  );
  const measures: [string, string, string][] = [
    ["LiveKit restart", "LiveKit restart → viewer decoding again", "restart → LiveKit answers"],
    ["app restart", "app start → chat typed while down shown", "start → /healthz 200"],
  ];
  for (const [what, label, baselineLabel] of measures) {
    const mine = rows.filter((r) => r.what === what);
    const base = mine.map((r) => r.baseline).sort((a, b) => a - b);
    const rec = mine.map((r) => r.recovery).sort((a, b) => a - b);
    const ratio = mine.map((r) => r.recovery / r.baseline).sort((a, b) => a - b);
    console.log(
      `| ${label.padEnd(43)} | ${percentile(base, 50).toFixed(0).padStart(12)} | ${
        percentile(rec, 50).toFixed(0).padStart(12)
      } | ${rec.at(-1)!.toFixed(0).padStart(12)} | ${percentile(ratio, 50).toFixed(2).padStart(8)}x |`,
    );
    console.log(
      `|   (baseline: ${baselineLabel})`.padEnd(46) +
        "|              |              |              |           |",
    );
  }
} finally {
  await browser.close();
  await stack.stop();
}
