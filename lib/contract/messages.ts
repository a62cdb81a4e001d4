// Every real-time message that crosses a LiveKit data channel, as one zod schema each,
// shared by the server (which sends them all) and the islands (which receive them).
// Each carries a format version (`v`), so old clients can ignore shapes they do not know.
// Written with zod's mini build (the same checks, a fraction of the size): this module is
// in every page's JavaScript.
import * as z from "zod/mini";
import { _isoDateTime } from "zod/v4/core";
import {
  CHAT_MAX_LENGTH,
  type Emoji,
  MAX_PINS,
  MAX_REMOVED_IDS,
  PINNED_MAX_LENGTH,
  REACTION_EMOJI,
} from "./limits.ts";

// Set by the outbox's sender on what it delivers (lib/outbox/sender.ts): `seq`, the
// message's place among everything sent to the stream's room (a gap means one was missed;
// a repeat, one delivered twice), and `version`, the KV versionstamp of the commit that
// made the change, so of two updates of one thing a receiver keeps the newer.
/** Text of `min` to `max` characters. */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
/** A whole number of at least `min` (and at most `max`). */
const whole = (min: number, max = Number.MAX_SAFE_INTEGER) => z.int().check(z.minimum(min), z.maximum(max));
/**
 * A date and time in UTC ("2026-11-22T10:00:00.000Z"): what `z.iso.datetime()` makes, made
 * without `z.iso`, which would bring its date, time and duration formats into the bundle too.
 */
const dateTime = () => _isoDateTime(z.ZodMiniISODateTime);
const Id = text(1, 40);
const Version = z.string().check(z.maxLength(40));
const envelope = {
  v: z.literal(1),
  seq: z.optional(whole(1)),
  version: z.optional(Version),
};

export const StreamStatusMessage = z.object({
  ...envelope,
  type: z.literal("status"),
  // "reconnecting": live, but the seller's connection dropped a moment ago; "away": it has
  // been gone longer than the grace period (the stream ends by itself if it stays gone).
  status: z.enum(["created", "live", "reconnecting", "away", "ended"]),
  at: dateTime(),
});

/** One's role in a shop's chat. */
const Role = z.enum(["seller", "moderator", "viewer"]);

export const ChatMessage = z.object({
  ...envelope,
  type: z.literal("chat"),
  /** Sortable: later messages have greater ids. */
  id: Id,
  name: text(1, 60),
  /** "seller": the stream's host; "moderator": one the shop named. */
  role: Role,
  text: text(1, CHAT_MAX_LENGTH),
  at: dateTime(),
  /** The id the sender's page gave it: that page's "Sending…" line goes when it arrives. */
  sendId: z.optional(Id),
});

/** Chat messages a host or moderator removed (deleted, or hidden with their author's ban). */
export const RemovedMessage = z.object({
  ...envelope,
  type: z.literal("removed"),
  ids: z.array(Id).check(z.minLength(1), z.maxLength(MAX_REMOVED_IDS)),
});

/** A report of a chat message by viewers: sent only to the seller. */
export const ReportMessage = z.object({
  ...envelope,
  type: z.literal("report"),
  message: ChatMessage,
  /** How many people have reported it. */
  count: whole(1),
  /** The latest report. */
  at: dateTime(),
});

/** One entry of a shop's moderation log (who did what, when): sent only to the seller. */
export const ModerationMessage = z.object({
  ...envelope,
  type: z.literal("moderation"),
  id: Id,
  at: dateTime(),
  /** Who did it. */
  by: text(1, 60),
  action: z.enum([
    "delete",
    "timeout",
    "ban",
    "unban",
    "untimeout",
    "pin",
    "unpin",
    "dismiss",
    "rules",
    "moderator_added",
    "moderator_removed",
  ]),
  /** Whom it was done to (a name), when anyone. */
  target: z.nullable(z.string().check(z.maxLength(60))),
  /** The words involved: a deleted message, a pinned note, the new rules, a timeout's length. */
  detail: z.nullable(z.string().check(z.maxLength(2000))),
});

/** The room's reactions since the last tally: sent lossy by the server, a few times a second at most. */
export const ReactionsMessage = z.object({
  ...envelope,
  type: z.literal("reactions"),
  // The same as z.partialRecord(z.enum(REACTION_EMOJI), …), without zod's record schema in
  // every page's JavaScript: each emoji's count is optional, any other key refused.
  counts: z.strictObject(
    Object.fromEntries(REACTION_EMOJI.map((emoji) => [emoji, z.optional(whole(1, 100_000))])) as Record<
      Emoji,
      z.ZodMiniOptional<ReturnType<typeof whole>>
    >,
  ),
});

export const LikesMessage = z.object({
  ...envelope,
  type: z.literal("likes"),
  count: whole(0),
});

export const ViewersMessage = z.object({
  ...envelope,
  type: z.literal("viewers"),
  current: whole(0),
  peak: whole(0),
  /** Viewer names: sent only to the seller. */
  names: z.optional(z.array(z.string())),
});

/** A product as viewers see it on a pin or the highlight card: enough to render it. */
export const ProductCard = z.object({
  id: Id,
  name: text(1, 120),
  priceMinor: whole(0),
  currency: text(3, 3),
  stock: whole(0),
  /** Served by the app (`/images/:id`), or null when the product has no image. */
  imageUrl: z.nullable(z.string().check(z.regex(/^\/images\/[0-9a-f]{32}\.(png|jpg|webp)$/))),
});
export type ProductCard = z.infer<typeof ProductCard>;

/** A flash sale on the highlighted product; `endsAt` is the server's clock. */
export const FlashSale = z.object({
  productId: Id,
  salePriceMinor: whole(0),
  endsAt: dateTime(),
});
export type FlashSale = z.infer<typeof FlashSale>;

export const PinsMessage = z.object({
  ...envelope,
  type: z.literal("pins"),
  /** In the seller's order. */
  products: z.array(ProductCard).check(z.maxLength(MAX_PINS)),
});

export const HighlightMessage = z.object({
  ...envelope,
  type: z.literal("highlight"),
  product: z.nullable(ProductCard),
  /** The running or last flash sale on the highlighted product, if any. */
  sale: z.nullable(FlashSale),
  /** The server's clock as the change was made: each viewer's countdown to the sale's end. */
  serverNow: dateTime(),
});

export const StockMessage = z.object({
  ...envelope,
  type: z.literal("stock"),
  productId: Id,
  stock: whole(0),
});

/** The note pinned at the top of chat ("Free shipping over 50 €"). */
export const PinnedNote = z.object({
  text: text(1, PINNED_MAX_LENGTH),
  by: text(1, 60),
  at: dateTime(),
});
export type PinnedNote = z.infer<typeof PinnedNote>;

export const AnnouncementMessage = z.object({
  ...envelope,
  type: z.literal("announcement"),
  /** Null once unpinned. */
  note: z.nullable(PinnedNote),
});

/** A reservation as the seller follows it: who holds what, until when, and what became of it. */
export const ReservationMessage = z.object({
  ...envelope,
  type: z.literal("reservation"),
  id: Id,
  name: text(1, 60),
  items: z.array(z.object({ productId: z.string(), name: z.string(), quantity: whole(1) }))
    .check(z.minLength(1)),
  /** What the buyer owes, at the prices they reserved at (a flash sale's, say), as written for people ("€30.00"). */
  total: z.string(),
  at: dateTime(),
  /** Held (stock taken) until `expiresAt`; paid; or its stock returned (released, cancelled, expired). */
  status: z.enum(["held", "paid", "released", "cancelled", "expired"]),
  expiresAt: dateTime(),
});

/** A reservation's items as people read them: "2 × Linen shirt, 1 × Mug". */
export const itemsText = (items: { quantity: number; name: string }[]) =>
  items.map((i) => `${i.quantity} × ${i.name}`).join(", ");

/** Sent to one viewer alone: a moderator timed them out of the shop's chats until `until`, or lifted it (null). */
export const StandingMessage = z.object({
  ...envelope,
  type: z.literal("standing"),
  until: z.nullable(dateTime()),
  /** Their role changed while they watch: the shop named them a moderator, or no longer. */
  role: z.optional(Role),
});

/**
 * Something viewers hold changed in a way not worth sending whole (a product edited): fetch it
 * again. Sent to the seller's studios alone, it is their catalog that changed (lib/showcase/actions.ts).
 */
export const ChangedMessage = z.object({
  ...envelope,
  type: z.literal("changed"),
  what: z.enum(["showcase"]),
});

/** The last `seq` the room was given, sent every few seconds: a quiet room still shows a gap. */
export const TickMessage = z.object({
  ...envelope,
  type: z.literal("tick"),
});

/** One LiveKit data topic per kind of message. */
export const topics = {
  status: StreamStatusMessage,
  chat: ChatMessage,
  reactions: ReactionsMessage,
  likes: LikesMessage,
  viewers: ViewersMessage,
  pins: PinsMessage,
  highlight: HighlightMessage,
  stock: StockMessage,
  reservation: ReservationMessage,
  changed: ChangedMessage,
  tick: TickMessage,
  removed: RemovedMessage,
  announcement: AnnouncementMessage,
  report: ReportMessage,
  moderation: ModerationMessage,
  standing: StandingMessage,
} as const;
export type Topic = keyof typeof topics;
export type MessageOf<T extends Topic> = z.infer<(typeof topics)[T]>;
export type StreamStatusMessage = MessageOf<"status">;
export type ChatMessage = MessageOf<"chat">;
export type ReactionsMessage = MessageOf<"reactions">;
export type LikesMessage = MessageOf<"likes">;
export type ViewersMessage = MessageOf<"viewers">;
export type PinsMessage = MessageOf<"pins">;
export type HighlightMessage = MessageOf<"highlight">;
export type StockMessage = MessageOf<"stock">;
export type ReservationMessage = MessageOf<"reservation">;
export type RemovedMessage = MessageOf<"removed">;
export type AnnouncementMessage = MessageOf<"announcement">;
export type ReportMessage = MessageOf<"report">;
export type ModerationMessage = MessageOf<"moderation">;
export type StandingMessage = MessageOf<"standing">;
/** Who speaks in a stream's chat. */
export type ChatRole = ChatMessage["role"];

export type AnyMessage = { [T in Topic]: MessageOf<T> }[Topic];

/** A message's content: everything but the envelope (which the sender completes). */
export type Body<T extends Topic> = Omit<MessageOf<T>, "v" | "type" | "seq" | "version">;

/** Builds a message: the envelope and its version are added here and nowhere else. */
export function message<T extends Topic>(type: T, body: Body<T>): MessageOf<T> {
  return { v: 1, type, ...body } as MessageOf<T>;
}

/** The message's bytes, after checking it against its topic's schema. */
export function encodeMessage(message: AnyMessage): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(topics[message.type].parse(message)));
}

export function isTopic(topic: string | undefined): topic is Topic {
  return topic !== undefined && Object.hasOwn(topics, topic);
}

/** The message, or null for anything that fails its topic's schema: receivers ignore those. */
export function decodeMessage<T extends Topic>(topic: T, bytes: Uint8Array): MessageOf<T> | null {
  try {
    const parsed = topics[topic].safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data as MessageOf<T> : null;
  } catch {
    return null;
  }
}
