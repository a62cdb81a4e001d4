// Runs in a worker thread: argon2id hashing and verifying (hash-wasm, WebAssembly) away
// from the server's event loop. Parameters follow OWASP's minimum for argon2id: 19 MiB
// memory, 2 passes, 1 lane.
/// <reference lib="deno.worker" />
import { argon2id, argon2Verify } from "hash-wasm";

export type PasswordJob =
  | { id: number; op: "hash"; password: string }
  | { id: number; op: "verify"; password: string; encoded: string };

export type PasswordAnswer = { id: number; value: string | boolean } | { id: number; error: string };

self.onmessage = async ({ data: job }: MessageEvent<PasswordJob>) => {
  try {
    const value = job.op === "hash"
      ? await argon2id({
        password: job.password,
        salt: crypto.getRandomValues(new Uint8Array(16)),
        parallelism: 1,
        iterations: 2,
        memorySize: 19456,
        hashLength: 32,
        outputType: "encoded",
      })
      : await argon2Verify({ password: job.password, hash: job.encoded });
    self.postMessage({ id: job.id, value } satisfies PasswordAnswer);
  } catch (error) {
    self.postMessage({ id: job.id, error: String(error) } satisfies PasswordAnswer);
  }
};
