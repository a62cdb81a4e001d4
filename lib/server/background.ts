// Work the server does on its own, not for a request: returning the stock of holds whose
// time is up. Each task runs every few seconds; a failed run is logged and tried again at
// the next, and every task is safe to run in several app processes at once.
import { expireDue } from "@/lib/commerce/actions.ts";
import type { Services } from "@/lib/core/services.ts";

interface Task {
  name: string;
  everyMs: number;
  run(services: Services): Promise<unknown>;
}

const TASKS: Task[] = [
  { name: "expiring holds", everyMs: 5_000, run: expireDue },
];

export function startBackground(services: Services): { stop(): Promise<void> } {
  let stopped = false;
  const running = TASKS.map(async (task) => {
    while (!stopped) {
      await task.run(services).catch((error) => console.error(`${task.name} failed:`, error));
      await sleep(task.everyMs, () => stopped);
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}

/** Waits `ms`, checking every 100 ms whether to stop early. */
async function sleep(ms: number, stop: () => boolean): Promise<void> {
  for (let left = ms; left > 0 && !stop(); left -= 100) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, left)));
  }
}
