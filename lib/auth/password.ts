// Password hashing with argon2id (hash-wasm: WebAssembly, no native build step).
// Parameters follow OWASP's minimum for argon2id: 19 MiB memory, 2 passes, 1 lane.
import { argon2id, argon2Verify } from "hash-wasm";

export async function hashPassword(password: string): Promise<string> {
  return await argon2id({
    password,
    salt: crypto.getRandomValues(new Uint8Array(16)),
    parallelism: 1,
    iterations: 2,
    memorySize: 19456,
    hashLength: 32,
    outputType: "encoded",
  });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return await argon2Verify({ password, hash });
}
