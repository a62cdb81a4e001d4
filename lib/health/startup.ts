// Before a production app serves anyone, LiveKit must accept its key: a key LiveKit does not
// share ends the start at once (waiting will not fix it), and a LiveKit still starting is
// waited for, so the first seller to go live does not meet an error.
import type { Config } from "@/lib/core/config.ts";
import type { Services } from "@/lib/core/services.ts";
import { probeLivekit } from "./probes.ts";

export interface WaitOptions {
  /** How long LiveKit may take to answer at all (default 60 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 1 s). */
  intervalMs?: number;
  /** Where progress goes (default console.log). */
  log?: (line: string) => void;
  /** Injected by tests so they do not wait for real. */
  sleep?: (ms: number) => Promise<void>;
}

export async function waitForLivekit(
  rooms: Services["rooms"],
  livekit: Pick<Config["livekit"], "url" | "apiKey">,
  opts: WaitOptions = {},
): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 1_000, log = console.log } = opts;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let waited = 0;; waited += intervalMs) {
    const problem = await probeLivekit(rooms, livekit);
    if (problem === null) return;
    if (problem.lasting) throw new StartupRefused(problem.message);
    if (waited >= timeoutMs) throw new StartupRefused(`${problem.message} (waited ${timeoutMs / 1000} s)`);
    if (waited % 5_000 === 0) log(`Waiting for LiveKit: ${problem.message}`);
    await sleep(intervalMs);
  }
}

/** Why the app will not start; main.ts prints the message alone and exits. */
export class StartupRefused extends Error {
  override readonly name = "StartupRefused";
}
