// Work the server does on its own, not for a request: delivering the outbox, telling the
// rooms their viewer counts, a heartbeat for quiet rooms, following sellers who are gone,
// repairing viewer sets from LiveKit, returning the stock of holds whose time is up, and
// removing replays, drafts and idle accounts past keeping (and what deleted ones left).
// A failed run is logged and tried again at the next; every task is safe to run in
// several app processes at once.
import { reconcileAudiences } from "@/lib/audience/reconcile.ts";
import { sweepAccounts } from "@/lib/auth/removal.ts";
import { tellViewers } from "@/lib/audience/viewer_news.ts";
import { expireDue } from "@/lib/commerce/actions.ts";
import type { Services } from "@/lib/core/services.ts";
import { heartbeat } from "@/lib/outbox/heartbeat.ts";
import { followSellers } from "@/lib/streams/lifecycle.ts";
import { sweepReplays } from "@/lib/replays/actions.ts";
import { sweepStreams } from "@/lib/streams/removal.ts";
import { listLiveStreams } from "@/lib/streams/store.ts";

interface Task {
  name: string;
  everyMs: number;
  run(services: Services): Promise<unknown>;
}

const TASKS: Task[] = [
  { name: "telling viewer counts", everyMs: 250, run: tellViewers },
  { name: "expiring holds", everyMs: 5_000, run: expireDue },
  { name: "following sellers", everyMs: 5_000, run: followSellers },
  {
    name: "heartbeat",
    everyMs: 10_000,
    run: async (s) => await heartbeat(s.kv, s.rooms, (await listLiveStreams(s.kv)).map((l) => l.id)),
  },
  { name: "reconciling viewers", everyMs: 60_000, run: reconcileAudiences },
  { name: "removing old replays", everyMs: 60 * 60_000, run: sweepReplays },
  { name: "removing deleted streams and old drafts", everyMs: 60 * 60_000, run: sweepStreams },
  { name: "removing deleted and idle accounts", everyMs: 60 * 60_000, run: sweepAccounts },
];

export function startBackground(services: Services): { stop(): Promise<void> } {
  let stopped = false;
  services.outbox.start();
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
      await services.outbox.stop();
    },
  };
}

/** Waits `ms`, checking every 100 ms whether to stop early. */
async function sleep(ms: number, stop: () => boolean): Promise<void> {
  for (let left = ms; left > 0 && !stop(); left -= 100) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, left)));
  }
}
