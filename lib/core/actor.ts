// Who is asking, as actions see it: a signed-in seller or a guest. The server layer
// builds it from the session or the signed guest cookie, never from a request body.
import { DomainError } from "./errors.ts";

export interface Actor {
  /** Stable per person across visits: the key of their likes, cart and limits. */
  identity: string;
  name: string;
  /** Set when the asker is a signed-in seller. */
  sellerId: string | null;
  /** The client's address, for limits per address. */
  address: string;
  /** This browser session's id, when it has one: a ban holds against it too. */
  browser?: string;
  /** This browser's device id (its device cookie), once a seller has signed in on it. */
  device?: string;
}

/** The seller's id, or a 401 for anyone not signed in as a seller. */
export function requireSeller(actor: Pick<Actor, "sellerId">): string {
  if (!actor.sellerId) {
    throw new DomainError("unauthenticated", "sign_in_required", "Sign in as a seller first");
  }
  return actor.sellerId;
}
