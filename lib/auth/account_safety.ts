// What a seller does when their password may have leaked: change it, or sign out every
// other browser. Both end every session of the account but the asker's own, so one an
// attacker holds stops working at once. Limited per seller and per address; a wrong
// current password counts as a wrong one at sign-in (sign_in_failures.ts).
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import { DomainError } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { confirmPassword } from "./accounts.ts";
import type { ChangePasswordInput } from "./inputs.ts";
import { getSeller, type Seller, setPasswordHash } from "./seller_store.ts";
import { endSessions } from "./session_store.ts";

/** Sets a new password once the current one says it is them; `session` (the asker's token) stays signed in. */
export async function changePassword(
  services: Services,
  actor: Actor,
  input: ChangePasswordInput,
  session: string | undefined,
): Promise<void> {
  const seller = await asker(services, actor);
  await confirmPassword(services, actor, seller, input.currentPassword, "currentPassword");
  const hash = await services.passwords.hash(input.newPassword);
  if (!await setPasswordHash(services.kv, seller.id, hash)) throw deleted();
  await endSessions(services.kv, seller.id, session);
}

/** Ends every session of the asker's account but `session` (their own token). */
export async function signOutElsewhere(services: Services, actor: Actor, session: string | undefined) {
  const seller = await asker(services, actor);
  await endSessions(services.kv, seller.id, session);
}

/** The signed-in asker's account, counted against the limit. */
async function asker(services: Services, actor: Actor): Promise<Seller> {
  const sellerId = requireSeller(actor);
  await spend(services, "account", actor);
  const seller = await getSeller(services.kv, sellerId);
  if (!seller) throw deleted();
  return seller;
}

// By a request sent alongside this one: no longer anyone to sign in as.
const deleted = () => new DomainError("unauthenticated", "sign_in_required", "Sign in as a seller first");
