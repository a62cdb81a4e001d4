// The page's main-thread busy time from navigation until a moment the page marked (its
// first frame), from a Chromium trace: its renderer main thread's top-level tasks, clipped
// at that moment. CDP's running task total would also count what the page does after its
// first frame while the bench notices and asks, which is when the watch page's other
// islands wake.
import type { CDPSession, Page } from "playwright-core";

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { message?: string } };
}

const STAMP = "bench-now";

/** Starts tracing; the function it gives stops it and sums the tasks from navigation to `untilMs`. */
export async function traceMainThread(
  cdp: CDPSession,
): Promise<(page: Page, untilMs: number) => Promise<number>> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline",
    transferMode: "ReportEvents",
  });
  return async (page, untilMs) => {
    // A console time stamp ties the trace's clock to the page's, on the page's main thread.
    const nowMs = await page.evaluate((label) => (console.timeStamp(label), performance.now()), STAMP);
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await complete;
    const stamp = events.find((e) => e.name === "TimeStamp" && e.args?.data?.message === STAMP);
    if (!stamp) throw new Error("the trace has no time stamp from the page");
    const origin = stamp.ts / 1000 - nowMs;
    const tasks = events
      .filter((e) => e.pid === stamp.pid && e.tid === stamp.tid && e.ph === "X" && e.name === "RunTask")
      .sort((a, b) => a.ts - b.ts);
    // Counted from navigation, and a task nested in another only once.
    let busy = 0, counted = 0;
    for (const task of tasks) {
      const start = Math.max(task.ts / 1000 - origin, counted, 0);
      const end = Math.min(task.ts / 1000 - origin + (task.dur ?? 0) / 1000, untilMs);
      if (end > start) busy += end - start;
      counted = Math.max(counted, end);
    }
    return busy;
  };
}
