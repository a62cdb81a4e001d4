// Password hashing off the event loop: a few worker threads (lib/auth/password_worker.ts)
// hash argon2id, so a flood of sign-ins cannot delay chat, tokens or webhooks. At most one
// job runs per worker and a bounded queue waits; past it the answer is "busy, try again"
// at once, so a flood cannot pile up memory either. Needs no permission the app does not
// have already (WebAssembly, no native code).
import { DomainError } from "@/lib/core/errors.ts";
import type { PasswordAnswer, PasswordJob } from "./password_worker.ts";

export interface PasswordPool {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
  /** Stops the workers; jobs still running are refused. */
  close(): void;
}

type Job = { op: "hash"; password: string } | { op: "verify"; password: string; encoded: string };

interface Waiting {
  job: Job;
  resolve(value: string | boolean): void;
  reject(error: Error): void;
}

export function createPasswordPool(opts: { workers?: number; queue?: number } = {}): PasswordPool {
  const size = opts.workers ?? 2;
  const limit = opts.queue ?? 32;
  const idle: Worker[] = [];
  const busy = new Map<Worker, Waiting & { id: number }>();
  const queue: Waiting[] = [];
  let started = 0;
  let nextId = 0;

  function spawn(): Worker {
    const worker = new Worker(new URL("./password_worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }: MessageEvent<PasswordAnswer>) => {
      const running = busy.get(worker);
      busy.delete(worker);
      if (running) {
        if ("error" in data) running.reject(new Error(`Password hashing failed: ${data.error}`));
        else running.resolve(data.value);
      }
      next(worker);
    };
    started++;
    return worker;
  }

  function next(worker: Worker) {
    const waiting = queue.shift();
    if (!waiting) return void idle.push(worker);
    const id = nextId++;
    busy.set(worker, { ...waiting, id });
    worker.postMessage({ id, ...waiting.job } as PasswordJob);
  }

  function run(job: Job): Promise<string | boolean> {
    return new Promise((resolve, reject) => {
      if (queue.length >= limit) return reject(tooBusy());
      queue.push({ job, resolve, reject });
      const worker = idle.pop() ?? (started < size ? spawn() : null);
      if (worker) next(worker);
    });
  }

  return {
    hash: async (password) => await run({ op: "hash", password }) as string,
    verify: async (password, encoded) => await run({ op: "verify", password, encoded }) as boolean,
    close() {
      for (const worker of [...idle, ...busy.keys()]) worker.terminate();
      for (const { reject } of [...queue, ...busy.values()]) reject(new Error("The password pool is closed"));
      idle.length = 0;
      busy.clear();
      queue.length = 0;
    },
  };
}

/** The refusal a job gets when the queue is full: try again in two seconds. */
function tooBusy(): DomainError {
  return new DomainError(
    "unavailable",
    "busy",
    "Too many sign-ins at once. Try again in a few seconds.",
    2_000,
  );
}
