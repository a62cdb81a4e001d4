// Viewer join time: from opening the watch page of a live stream to the first decoded
// video frame, over 20 joins, against the real stack. The baseline, measured in the
// same run, is the same page's load event: what a join costs beyond loading the page.
//   deno run -A --unstable-bundle bench/join_time.ts [joins]
import { launchBrowser } from "@/tests/e2e/harness/browser.ts";
import { startStack } from "@/tests/e2e/harness/stack.ts";
import { percentile } from "./bench_kit.ts";

const JOINS = Number(Deno.args[0] ?? 20);

// Runs in each viewer page: the time of the first presented frame and of the load
// event, both on the page's clock, which starts at navigation.
const MARK_FIRST_FRAME = `document.addEventListener("DOMContentLoaded", () => {
  const video = document.querySelector(".player video");
  video?.requestVideoFrameCallback(() => { window.__firstFrame = performance.now(); });
});
addEventListener("load", () => { window.__loaded = performance.now(); });`;

const stack = await startStack();
const browser = await launchBrowser();
try {
  const seller = await (await browser.newContext()).newPage();
  await seller.goto(`${stack.appUrl}/signup`);
  await seller.fill("input[name=name]", "Bench Seller");
  await seller.fill("input[name=email]", "bench@example.com");
  await seller.fill("input[name=password]", "bench password 123");
  await seller.click("form.form button[type=submit]");
  await seller.waitForURL(`${stack.appUrl}/studio`);
  await seller.fill("input[name=title]", "Join-time bench");
  await seller.click("form.form button[type=submit]");
  await seller.waitForURL(/\/studio\/[\w-]+$/);
  const watchUrl = (await seller.getAttribute(".share a", "href"))!;
  await seller.click("button:has-text('Go live')");
  await seller.waitForSelector(".studio[data-phase=live]", { timeout: 30_000 }).catch(async (e) => {
    throw new Error(`${e}\n${await seller.textContent(".studio")}`);
  });

  const joins: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < JOINS; i++) {
    const context = await browser.newContext();
    await context.addInitScript({ content: MARK_FIRST_FRAME });
    const page = await context.newPage();
    await page.goto(watchUrl);
    await page.waitForFunction(() => "__firstFrame" in globalThis, null, { timeout: 30_000, polling: 50 });
    const { firstFrame, loaded } = await page.evaluate(() => {
      const w = globalThis as unknown as { __firstFrame: number; __loaded: number };
      return { firstFrame: w.__firstFrame, loaded: w.__loaded };
    });
    joins.push(firstFrame);
    loads.push(loaded);
    await context.close();
  }
  joins.sort((a, b) => a - b);
  loads.sort((a, b) => a - b);
  const row = (name: string, xs: number[]) =>
    `| ${name.padEnd(36)} | ${percentile(xs, 50).toFixed(0).padStart(7)} | ${
      percentile(xs, 95).toFixed(0).padStart(7)
    } |`;
  console.log(`\nViewer join time over ${JOINS} joins (ms, from navigation start)\n`);
  console.log(`| ${"measure".padEnd(36)} | ${"p50".padStart(7)} | ${"p95".padStart(7)} |`);
  console.log(`|${"-".repeat(38)}|${"-".repeat(9)}|${"-".repeat(9)}|`);
  console.log(row("watch page load event (baseline)", loads));
  console.log(row("first decoded frame", joins));
  console.log(
    `\nratio first frame / page load: p50 ${(percentile(joins, 50) / percentile(loads, 50)).toFixed(2)}x, ` +
      `p95 ${(percentile(joins, 95) / percentile(loads, 95)).toFixed(2)}x`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
