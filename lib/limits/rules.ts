// How often one person, and one client address, may do each thing. Per address is wider:
// many people can share an address (a venue's Wi-Fi, a phone carrier's NAT).
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface Rate {
  max: number;
  windowMs: number;
}

export interface Rule {
  /** Per signed-in seller or guest. */
  identity?: Rate;
  /** Per client address (lib/server/client_address.ts). */
  address: Rate;
}

export const RULES = {
  // A venue's Wi-Fi may bring hundreds to one stream; watching needs no guest at all. Each
  // way of making a guest has a budget of its own, so page views never use up picking a name.
  /** A stranger made a guest by typing a name (POST /guest). */
  guest: { address: { max: 100, windowMs: 10 * MINUTE } },
  /** A stranger made a guest silently, by opening a watch page (past it, they watch nameless). */
  pageGuest: { address: { max: 100, windowMs: 10 * MINUTE } },
  /** A guest changing the name they chat under. */
  rename: { identity: { max: 10, windowMs: MINUTE }, address: { max: 300, windowMs: MINUTE } },
  signUp: { address: { max: 5, windowMs: HOUR } },
  signIn: { address: { max: 30, windowMs: 10 * MINUTE } },
  /** A seller changing their password or signing out their other sessions. */
  account: { identity: { max: 10, windowMs: 10 * MINUTE }, address: { max: 30, windowMs: 10 * MINUTE } },
  chat: { identity: { max: 5, windowMs: 5 * SECOND }, address: { max: 60, windowMs: 10 * SECOND } },
  report: { identity: { max: 10, windowMs: MINUTE }, address: { max: 100, windowMs: MINUTE } },
  reaction: { identity: { max: 8, windowMs: SECOND }, address: { max: 200, windowMs: SECOND } },
  like: { identity: { max: 20, windowMs: MINUTE }, address: { max: 300, windowMs: MINUTE } },
  token: { identity: { max: 30, windowMs: MINUTE }, address: { max: 600, windowMs: MINUTE } },
  cart: { identity: { max: 60, windowMs: MINUTE }, address: { max: 1_000, windowMs: MINUTE } },
  reserve: { identity: { max: 10, windowMs: MINUTE }, address: { max: 200, windowMs: MINUTE } },
  /** A product's sheet opened (the seller's analytics count them). */
  sheet: { identity: { max: 60, windowMs: MINUTE }, address: { max: 600, windowMs: MINUTE } },
  product: { identity: { max: 100, windowMs: HOUR }, address: { max: 200, windowMs: HOUR } },
  image: { identity: { max: 100, windowMs: HOUR }, address: { max: 200, windowMs: HOUR } },
  /** Pieces of a replay: one every few seconds while live. */
  replay: { identity: { max: 120, windowMs: MINUTE }, address: { max: 600, windowMs: MINUTE } },
  /** Moderators named by email: few in a shop, and each answer says whether an account uses the email. */
  moderator: { identity: { max: 10, windowMs: HOUR }, address: { max: 30, windowMs: HOUR } },
  /** A seller's other changes: streams, pins, highlights, sales, edits. */
  seller: { identity: { max: 300, windowMs: MINUTE }, address: { max: 1_000, windowMs: MINUTE } },
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof RULES;
