// Shared plumbing for the servers the harness spawns: log capture, readiness
// polling, and a stop() that always reaps the child (Deno's test sanitizers
// fail a test that leaves a process or a pipe open).

/** Repository root, resolved from this file (tests/e2e/harness/). */
export const REPO_ROOT = decodeURIComponent(
  new URL("../../../", import.meta.url).pathname,
)
  .replace(/\/$/, "");

/** Set HARNESS_VERBOSE=1 to stream every child's output to stderr as it runs. */
const VERBOSE = (() => {
  try {
    return Deno.env.get("HARNESS_VERBOSE") === "1";
  } catch {
    return false;
  }
})();

const MAX_LOG_CHARS = 256 * 1024;

export class ChildProcess {
  readonly #child: Deno.ChildProcess;
  readonly #name: string;
  #log = "";
  #exited = false;
  readonly #pumps: Promise<void>[];
  readonly status: Promise<Deno.CommandStatus>;
  #stopping: Promise<void> | null = null;

  constructor(name: string, command: string, options: Deno.CommandOptions) {
    this.#name = name;
    this.#child = new Deno.Command(command, {
      ...options,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    live.add(this);
    this.status = this.#child.status.then((status) => {
      this.#exited = true;
      live.delete(this);
      return status;
    });
    this.#pumps = [
      this.#pump(this.#child.stdout),
      this.#pump(this.#child.stderr),
    ];
  }

  get pid(): number {
    return this.#child.pid;
  }

  get exited(): boolean {
    return this.#exited;
  }

  /** Everything the process printed so far (the last 256 KiB). */
  logs(): string {
    return this.#log;
  }

  async #pump(stream: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of stream) {
        const text = decoder.decode(chunk, { stream: true });
        if (VERBOSE) {
          Deno.stderr.writeSync(
            new TextEncoder().encode(`[${this.#name}] ${text}`),
          );
        }
        this.#log += text;
        if (this.#log.length > MAX_LOG_CHARS) {
          this.#log = this.#log.slice(-MAX_LOG_CHARS);
        }
      }
    } catch {
      // the pipe closed under us: the process is gone
    }
  }

  /** Sync kill for unload handlers; ignores a process that already exited. */
  killNow(signal: Deno.Signal = "SIGKILL"): void {
    if (this.#exited) return;
    try {
      this.#child.kill(signal);
    } catch {
      // already gone
    }
  }

  /**
   * SIGTERM; a second SIGTERM after 1 s (livekit-server ignores a SIGTERM that
   * arrives in the first 100 ms after it starts serving, and treats a second
   * one as "force"); SIGKILL after `graceMs`. Resolves once the process and its
   * pipes are closed.
   */
  stop(graceMs = 5000): Promise<void> {
    this.#stopping ??= (async () => {
      if (!this.#exited) {
        this.killNow("SIGTERM");
        const timers: ReturnType<typeof setTimeout>[] = [];
        const after = (ms: number, signal: Deno.Signal) =>
          new Promise<void>((resolve) => {
            timers.push(setTimeout(() => {
              this.killNow(signal);
              resolve();
            }, ms));
          });
        await Promise.race([
          this.status,
          Promise.all([
            after(Math.min(1000, graceMs / 2), "SIGTERM"),
            after(graceMs, "SIGKILL"),
          ]),
        ]);
        for (const timer of timers) clearTimeout(timer);
      }
      await this.status;
      await Promise.all(this.#pumps);
    })();
    return this.#stopping;
  }

  /** Error with the captured output, for a failed start-up. */
  failure(message: string): Error {
    const tail = this.#log.trim() ? `\n----- ${this.#name} output -----\n${this.#log.trimEnd()}\n-----` : "";
    return new Error(`${message}${tail}`);
  }
}

// Children still running when the test process exits (a test threw before its
// cleanup) are killed rather than left behind.
const live = new Set<ChildProcess>();
globalThis.addEventListener("unload", () => {
  for (const child of live) child.killNow();
});

/**
 * Polls `probe` until it returns true, the process exits, or `timeoutMs`
 * passes. On failure, stops the process and throws with its output.
 */
export async function waitUntilReady(
  child: ChildProcess,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited) {
      const status = await child.status;
      await child.stop();
      throw child.failure(
        `${what} exited during start-up (code ${status.code}${
          status.signal ? `, signal ${status.signal}` : ""
        })`,
      );
    }
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await child.stop();
  throw child.failure(`${what} was not ready within ${timeoutMs} ms`);
}

/** GET `url`; true when the status is `expected`. Always consumes the body. */
export async function httpAnswers(
  url: string,
  expected?: number,
): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer(); // read to the end, so the connection is idle and reusable
  return expected === undefined ? true : res.status === expected;
}

/** Environment without the variables the harness sets itself. */
export function cleanEnv(drop: RegExp): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(Deno.env.toObject())) {
    if (!drop.test(key)) env[key] = value;
  }
  return env;
}
