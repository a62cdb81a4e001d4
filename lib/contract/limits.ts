// Limits and closed sets the browser and the server agree on: the server enforces them,
// the islands show them. Change one here and both sides follow.

/** How many chat messages a page of history holds (and the pages render). */
export const CHAT_PAGE_SIZE = 50;

/** The longest chat message, in characters. */
export const CHAT_MAX_LENGTH = 500;

/** How many products a stream may pin. */
export const MAX_PINS = 6;

/** How many of one product a cart may hold. */
export const MAX_QUANTITY = 10;

/** Distinct products a cart may hold: one KV getMany reads all their stock. */
export const MAX_CART_PRODUCTS = 10;

/** How many reservations the studio's sales feed lists. */
export const SALES_FEED_SIZE = 50;

/** How many viewer names the seller is sent at most (a data message should stay small). */
export const MAX_VIEWER_NAMES = 100;

/** The emoji a viewer can react with: a closed set, so a reaction is a few bytes. */
export const REACTION_EMOJI = ["❤️", "🔥", "😂", "😮", "👏", "🛍️"] as const;
export type Emoji = (typeof REACTION_EMOJI)[number];

/** The currencies a price may be in (ISO 4217). */
export const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "JPY",
  "CHF",
  "CAD",
  "AUD",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "INR",
] as const;
