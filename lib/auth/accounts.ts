// Sign-up and sign-in rules, shared by the JSON API and the HTML forms.
import { HttpError } from "../fresh/mod.ts";
import type { SignInInput, SignUpInput } from "../inputs.ts";
import { createSeller, getSellerByEmail, type Seller } from "../store/sellers.ts";
import { hashPassword, verifyPassword } from "./password.ts";

export async function signUp(kv: Deno.Kv, input: SignUpInput): Promise<Seller> {
  if (await getSellerByEmail(kv, input.email)) throw emailTaken();
  const seller = await createSeller(kv, {
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  // Another sign-up may have taken the email between the check and the write.
  if (!seller) throw emailTaken();
  return seller;
}

// Verified when the email is unknown, so a wrong email costs as long as a wrong password.
const decoy = hashPassword("decoy password for timing");

export async function signIn(kv: Deno.Kv, input: SignInInput): Promise<Seller> {
  const seller = await getSellerByEmail(kv, input.email);
  const ok = await verifyPassword(input.password, seller?.passwordHash ?? await decoy);
  if (!seller || !ok) {
    throw new HttpError(401, "invalid_credentials", "Email or password is wrong");
  }
  return seller;
}

function emailTaken(): HttpError {
  return new HttpError(409, "email_taken", "An account with this email already exists");
}

/** What a seller may see of themselves: never the password hash. */
export function publicSeller(seller: Seller): { id: string; email: string; name: string } {
  return { id: seller.id, email: seller.email, name: seller.name };
}
