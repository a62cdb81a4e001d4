// What the JSON API answers and pages hand to islands: the shapes both sides read.
// Records as stored (with owners' ids and hashes) stay in each capability's store.
import type {
  Body,
  ChatRole,
  FlashSale,
  PinnedNote,
  ProductCard,
  ReservationMessage,
  ViewersMessage,
} from "./messages.ts";
import type { Emoji, ReplayType } from "./limits.ts";

export type StreamStatus = "created" | "live" | "ended";

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

/** One take of a stream's replay, as the watch page and the studio play it. */
export interface ReplayTake {
  id: string;
  url: string;
  type: ReplayType;
  bytes: number;
}

/** An ended stream's replay, and whether its last parts may still come (a moment after the end). */
export interface ReplaySoFar {
  takes: ReplayTake[];
  saving: boolean;
}

/** What the API answers of a take as it is recorded: the parts and bytes counted so far. */
export interface TakeProgress {
  id: string;
  parts: number;
  bytes: number;
}

/** What a page connects to its stream's room with: LiveKit's URL and one connection's token. */
export interface JoinTicket {
  serverUrl: string;
  token: string;
}

/** A product as anyone may see it: everything but its seller's id. */
export interface ProductDetails {
  id: string;
  name: string;
  description: string;
  /** In the currency's minor unit (cents for EUR, yen for JPY). */
  priceMinor: number;
  /** ISO 4217 code. */
  currency: string;
  /** Where to buy outside Showfloor, when the seller has a shop. */
  buyUrl: string | null;
  /** The image file's id under the data folder, its type (checked from its bytes) and size. */
  image: { id: string; type: ImageType; bytes?: number } | null;
  createdAt: string;
  updatedAt: string;
}

/** A product as the API shows it: with its stock and image URL. */
export interface ProductView extends ProductDetails {
  stock: number;
  /** Counts the seller's edits of the stock: an edit sends the one it was opened at (see ProductPatch). */
  stockVersion: number;
  imageUrl: string | null;
}

/** What a stream shows now: the pins, the highlight with its flash sale, and the server's clock. */
export interface Showcase {
  pins: ProductCard[];
  highlight: ProductCard | null;
  sale: FlashSale | null;
  serverNow: string;
  /**
   * The KV versionstamp this was read at (or committed at, in a change's answer): messages
   * whose `version` is at or before it are in it. The server's clock cannot order them: a
   * message is made before its commit, and a read between the two holds neither.
   */
  version: string;
}

/** The seller's view of sales in a stream. */
export interface Sales {
  /** Newest first. */
  reservations: ReservationMessage[];
  /** The pinned products in the seller's order, each with its stock left. */
  pinned: ProductCard[];
}

/** A product in a cart, priced as it is now: a flash-sale price only while the sale runs. */
export interface CartItem {
  productId: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  /** The price once a running flash sale ends. */
  listPriceMinor: number;
  currency: string;
  /** Set while the price is a flash sale's: when it turns back to the list price. */
  saleEndsAt: string | null;
}

export interface Cart {
  items: CartItem[];
  /** Null when the cart holds two currencies (a product's changed while in it): no one total. */
  totalMinor: number | null;
}

export type ReservationStatus = "held" | "paid" | "released" | "cancelled" | "expired";

/** A product in a reservation, at the price it was reserved for. */
export interface ReservedItem {
  productId: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
}

/** What the buyer is told of their reservation. */
export interface ReservationSummary {
  id: string;
  items: ReservedItem[];
  totalMinor: number;
  currency: string;
  at: string;
  /** The stock is held until then; unpaid, it goes back on sale. */
  expiresAt: string;
  status: ReservationStatus;
}

export interface LikeState {
  count: number;
  /** Whether the asker likes the stream. */
  liked: boolean;
  /** The versionstamp of the commit that produced the count ("" before any like). */
  version: string;
}

/** Viewer counts, with the names for the stream's seller only. */
export type Viewers = Omit<ViewersMessage, "v" | "type">;

/** What a page shows of the audience: likes (and whether the asker likes it) and viewers. */
export interface Audience {
  likes: LikeState;
  viewers: Viewers;
}

/** A stream's numbers, shown to its seller once it has ended. */
export interface StreamAnalytics {
  peakViewers: number;
  uniqueViewers: number;
  chatMessages: number;
  /** Likes standing now (a like taken back no longer counts). */
  likes: number;
  /** Product sheet opens: every open counts, not one per viewer. */
  sheetOpens: number;
  reservations: number;
  unitsReserved: number;
  /** Every emoji reaction sent. */
  reactions: number;
}

/** Reactions sent in a stream, by emoji. */
export type ReactionCounts = Partial<Record<Emoji, number>>;

/** Whether a live stream's seller broadcasts, dropped a moment ago, or has been gone past the grace period. */
export type SellerPresence = "here" | "reconnecting" | "away";

/** A stream as a card in a list: the home page's live ones, with how many watch; a seller's own. */
export interface StreamCard {
  id: string;
  title: string;
  sellerName: string;
  status: StreamStatus;
  watching?: number;
}

/** Who is live now, as the home page lists them: the first few, and how many more are live. */
export interface LiveList {
  live: StreamCard[];
  more: number;
}

/** Public facts about a stream: what a watch page needs, nothing about the seller's account. */
export interface PublicStream {
  id: string;
  title: string;
  description: string;
  sellerName: string;
  status: StreamStatus;
  presence: SellerPresence;
}

/** The note pinned at the top of a stream's chat, and the versionstamp of its last change. */
export interface Pinned {
  note: PinnedNote | null;
  /** "" before anything was ever pinned. */
  version: string;
}

/** A shop's chat rules, for every stream of the shop: set by its seller. */
export interface ChatRules {
  /** Seconds between a viewer's messages (0: off); the host and moderators are exempt. */
  slowModeSeconds: number;
  /** Whether viewers may post links. */
  linksAllowed: boolean;
  /** A message holding one of these (as a word or phrase, any case) is refused. */
  blockedWords: string[];
  /** The most viewers a stream lets in (0: no cap); the host and moderators always get in. */
  viewerCap: number;
}

/** A seller the shop named to moderate its streams' chat. */
export interface Moderator {
  sellerId: string;
  name: string;
  email: string;
  addedAt: string;
}

/** Someone banned from a shop's streams. */
export interface Ban {
  /** Their identity (lib/livekit/names.ts): what unbanning names. */
  person: string;
  name: string;
  /** Who banned them. */
  by: string;
  at: string;
}

/** Someone timed out of a shop's chats (and reactions) until `until`. */
export interface TimeOut extends Ban {
  until: string;
}

export type ModerationEntry = Body<"moderation">;
export type Report = Body<"report">;

/** What the seller's studio shows of moderation. */
export interface StudioModeration {
  /** Open reports in this stream, newest first. */
  reports: Report[];
  /** The shop's bans, newest first. */
  bans: Ban[];
  /** The shop's running timeouts, the first to end first. */
  timeouts: TimeOut[];
  /** The shop's moderation log, newest first. */
  log: ModerationEntry[];
  rules: ChatRules;
  moderators: Moderator[];
}

/** What a watch page knows of moderation: the asker's role, the pinned note, and why they may not watch. */
export interface WatchModeration {
  role: ChatRole;
  pinned: Pinned;
  /** Set when the asker gets no token: banned from the shop, or the stream is full. */
  refusal: "banned" | "full" | null;
  /** Set while a moderator has timed the asker out of the shop's chats (ISO). */
  timedOutUntil: string | null;
}
