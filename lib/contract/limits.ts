// Limits and closed sets the browser and the server agree on: the server enforces them,
// the islands show them. Change one here and both sides follow.

/** How many chat messages a page of history holds (and the pages render). */
export const CHAT_PAGE_SIZE = 50;

/** The longest chat message, in characters. */
export const CHAT_MAX_LENGTH = 500;

/** The longest note a host or moderator pins at the top of chat, in characters. */
export const PINNED_MAX_LENGTH = 200;

/** How long a moderator may time a viewer out for, in minutes. */
export const TIMEOUT_MINUTES = [1, 5, 10] as const;
export type TimeoutMinutes = (typeof TIMEOUT_MINUTES)[number];

/** A timeout's length in words, as the moderation buttons and the log say it. */
export function timeoutWords(minutes: number): string {
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** Slow mode's choices: a viewer's messages at least this many seconds apart (0: off). */
export const SLOW_MODE_SECONDS = [0, 5, 10, 30, 60] as const;

/** Words and phrases a shop may block in its chat, and the longest of them in characters. */
export const MAX_BLOCKED_WORDS = 200;
export const BLOCKED_WORD_MAX_LENGTH = 40;
/** All of a shop's blocked words together, in characters: each chat line is checked against every letter of them. */
export const BLOCKED_WORDS_MAX_TOTAL = 2_000;

/** The most viewers a shop may cap a stream at (0: no cap). */
export const MAX_VIEWER_CAP = 100_000;

/** Moderators a shop may name. */
export const MAX_MODERATORS = 20;

/** How many entries of the moderation log, and open reports, the studio shows. */
export const MODERATION_LOG_SIZE = 50;
export const MAX_OPEN_REPORTS = 50;

/** Message ids one "removed" message carries at most (a ban may hide more, in several). */
export const MAX_REMOVED_IDS = 100;

/** The video types a replay is recorded in (what MediaRecorder makes in Chromium and Firefox, and in Safari). */
export const REPLAY_TYPES = ["video/webm", "video/mp4"] as const;
export type ReplayType = (typeof REPLAY_TYPES)[number];

/** The largest piece of a replay the studio sends at once, in bytes (a few seconds of video). */
export const REPLAY_PART_MAX_BYTES = 2_000_000;

/** How many products a stream may pin. */
export const MAX_PINS = 6;

/** How many of one product a cart may hold. */
export const MAX_QUANTITY = 10;

/** The most stock a product may have. */
export const MAX_STOCK = 1_000_000;

/** Why a flash sale cannot start on a product none is left of: the studio says it before the server would. */
export const saleSoldOutWords = (name: string) => `${name} is sold out: add stock before starting a sale`;

/** Distinct products a cart may hold. */
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
