// Sign-up and sign-in, shared by the JSON API and the HTML forms. Both are limited per
// client address, and sign-in per account too: after five wrong passwords each try waits
// (counted apart on each device the seller signed in on before: sign_in_failures.ts).
import type { Actor } from "@/lib/core/actor.ts";
import type { Config } from "@/lib/core/config.ts";
import { aboutField, conflict, DomainError, forbidden } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { spend } from "@/lib/limits/limiter.ts";
import type { SignInInput, SignUpInput } from "./inputs.ts";
import type { PasswordPool } from "./password_pool.ts";
import { createSeller, getSellerByEmail, markSeen, type Seller } from "./seller_store.ts";
import { isKnownDevice } from "./devices.ts";
import { clearFailures, giveBackTry, takeTry } from "./sign_in_failures.ts";

const SIGNUP_CLOSED = "This Showfloor isn't taking new sellers. Ask its owner for an account.";

/** Why nobody may sign up, on an instance whose owner closed it (SELLER_SIGNUP=closed); else undefined. */
export const signupClosed = (config: Config) => config.sellerSignupOpen ? undefined : SIGNUP_CLOSED;

export async function signUp(services: Services, actor: Actor, input: SignUpInput): Promise<Seller> {
  const { kv, clock, passwords, config } = services;
  const closed = signupClosed(config);
  if (closed) throw forbidden("signup_closed", closed);
  await spend(services, "signUp", actor);
  if (await getSellerByEmail(kv, input.email)) throw emailTaken();
  const seller = await createSeller(kv, {
    email: input.email,
    name: input.name,
    passwordHash: await passwords.hash(input.password),
  }, clock.now());
  // Another sign-up may have taken the email between the check and the write.
  if (!seller) throw emailTaken();
  return seller;
}

// Verified when the email is unknown, so a wrong email costs as long as a wrong password.
const decoys = new WeakMap<PasswordPool, Promise<string>>();
function decoyOf(passwords: PasswordPool): Promise<string> {
  if (!decoys.has(passwords)) decoys.set(passwords, passwords.hash("decoy password for timing"));
  return decoys.get(passwords)!;
}

export async function signIn(services: Services, actor: Actor, input: SignInInput): Promise<Seller> {
  await spend(services, "signIn", actor);
  const seller = await checkPassword(services, actor, input);
  await markSeen(services.kv, seller.id, services.clock.now());
  return seller;
}

/**
 * The account, if the password is its own: wrong ones count toward its wait, tried before
 * the hash is checked, so many at once get no more tries than one after another.
 */
export async function checkPassword(services: Services, actor: Actor, input: SignInInput): Promise<Seller> {
  const { kv, clock, passwords } = services;
  const seller = await getSellerByEmail(kv, input.email);
  const known = seller && await isKnownDevice(kv, seller.id, actor.device);
  const bucket = known ? `device:${actor.device}` as const : "other";
  const wait = await takeTry(kv, input.email, bucket, clock.now());
  if (wait > 0) {
    throw new DomainError(
      "rate_limited",
      "too_many_attempts",
      "Too many wrong passwords for this account.",
      wait,
    );
  }
  const ok = await passwords.verify(input.password, seller?.passwordHash ?? await decoyOf(passwords))
    .catch(async (error) => {
      await giveBackTry(kv, input.email, bucket);
      throw error;
    });
  if (!seller || !ok) {
    throw new DomainError("unauthenticated", "invalid_credentials", "Email or password is wrong");
  }
  await clearFailures(kv, input.email, bucket);
  return seller;
}

/**
 * The asker's own password asked again (to change it, to delete the account): a wrong one
 * counts as at sign-in, and is refused beside `field`.
 */
export async function confirmPassword(
  services: Services,
  actor: Actor,
  seller: Seller,
  password: string,
  field: string,
): Promise<void> {
  await checkPassword(services, actor, { email: seller.email, password }).catch((error) => {
    if (error instanceof DomainError && error.code === "invalid_credentials") {
      throw aboutField(field, forbidden("wrong_password", "That is not this account's password"));
    }
    throw error;
  });
}

const emailTaken = () => conflict("email_taken", "An account with this email already exists");

/** What a seller may see of themselves: never the password hash. */
export function publicSeller(seller: Seller): { id: string; email: string; name: string } {
  return { id: seller.id, email: seller.email, name: seller.name };
}
