// The browsers (devices) a seller has signed in on, each by the random id in its signed
// device cookie, kept a year after its last sign-in: wrong passwords from them are counted
// apart from strangers' (sign_in_failures.ts).
import { keys } from "@/lib/kv/keys.ts";

const KEPT_MS = 365 * 24 * 60 * 60_000;

export async function rememberDevice(kv: Deno.Kv, sellerId: string, device: string): Promise<void> {
  await kv.set(keys.knownDevice(sellerId, device), true, { expireIn: KEPT_MS });
}

/** Whether the seller has signed in on this device. */
export async function isKnownDevice(
  kv: Deno.Kv,
  sellerId: string,
  device: string | undefined,
): Promise<boolean> {
  return !!device && (await kv.get(keys.knownDevice(sellerId, device))).versionstamp !== null;
}
