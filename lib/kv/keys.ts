// Every KV key the app writes, in one place, so the layout of the store reads at a glance.
// A key is its prefix followed by the parts named in its tuple type; grouped by the
// capability that owns it.

type Whole = [];
type ById = [id: string];
type ByEmail = [email: string];
type EmailsBucket = [email: string, bucket: string];
type SellersDevice = [sellerId: string, device: string];
type ByTokenHash = [tokenHash: string];
type SellersToken = [sellerId: string, tokenHash: string];
type OfSeller = [sellerId: string];
type OfStream = [streamId: string];
type OfProduct = [productId: string];
type SellersStream = [sellerId: string, streamId: string];
type SellersProduct = [sellerId: string, productId: string];
type StreamItem = [streamId: string, id: string];
type StreamPerson = [streamId: string, identity: string];
type StreamAddress = [streamId: string, address: string];
type StreamCounter = [streamId: string, name: string];
type RateWindow = [rule: string, subject: string, window: string];
type SellersDay = [sellerId: string, day: string];
type StreamPersonItem = [streamId: string, identity: string, id: string];
type HoldDue = [expiresAt: string, streamId: string, id: string];
type DraftAge = [createdAt: string, streamId: string];
type SellerSeen = [seenAt: string, sellerId: string];
type ShopsSeller = [sellerId: string, moderatorId: string];
type ModeratorsShop = [moderatorId: string, shopId: string];
type ShopsPerson = [sellerId: string, identity: string];
type ShopsBrowser = [sellerId: string, browserId: string];
type ShopsItem = [sellerId: string, id: string];

/** A key maker: the prefix, then the parts in order. */
const under = <P extends string[]>(prefix: string) => (...parts: P) => [prefix, ...parts] as const;

export const keys = {
  // outbox
  /** What a change tells a stream's room, waiting to be delivered (News), in the order written. */
  outboxOf: under<OfStream>("outbox"),
  outbox: under<StreamItem>("outbox"),
  outboxAll: under<Whole>("outbox"),
  /** Written with every queued item: the senders of every app process watch it. */
  outboxTick: under<Whole>("outbox_tick"),
  /** Which process delivers a stream's outbox now, and until when ({ owner, until }). */
  outboxLease: under<OfStream>("outbox_lease"),
  /** The last `seq` given to a message of the stream's room. */
  outboxSeq: under<OfStream>("outbox_seq"),
  /** Written with every change queued for the stream's room (a new id each time). */
  outboxChange: under<OfStream>("outbox_change"),

  // limits
  /** Requests counted in one window of one rule for one subject (expires with the window). */
  rate: under<RateWindow>("rate"),

  // auth
  allSellers: under<Whole>("sellers"),
  seller: under<ById>("sellers"),
  sellerByEmail: under<ByEmail>("sellers_by_email"),
  /** Wrong passwords for an email lately ({ count, last }), from one known device or from others, for the growing wait. */
  signInFailures: under<EmailsBucket>("sign_in_failures"),
  /** Present while a device (by its cookie's random id) is one the seller signed in on. */
  knownDevicesOf: under<OfSeller>("known_devices"),
  knownDevice: under<SellersDevice>("known_devices"),
  /** Sellers by when they last signed in (ISO, so the longest idle sort first), for the sweep of idle accounts. */
  accountsSeen: under<Whole>("accounts_seen"),
  accountSeen: under<SellerSeen>("accounts_seen"),
  /** Present once every account made before the index above is in it. */
  accountsIndexed: under<Whole>("accounts_seen_indexed"),
  /** An account deleted ({ email }), until everything it kept is gone too. */
  goneSellers: under<Whole>("sellers_gone"),
  goneSeller: under<ById>("sellers_gone"),
  /** A session, by the SHA-256 of its token (never the token itself). */
  session: under<ByTokenHash>("sessions"),
  allSessions: under<Whole>("sessions"),
  /** The same sessions by seller (present while the session is; expires with it), to end them all. */
  sessionsOf: under<OfSeller>("sessions_of"),
  sessionOf: under<SellersToken>("sessions_of"),
  /** Present once every session made before the index above is in it. */
  sessionsIndexed: under<Whole>("sessions_of_indexed"),

  // streams
  allStreams: under<Whole>("streams"),
  stream: under<ById>("streams"),
  streamsBySeller: under<OfSeller>("streams_by_seller"),
  streamBySeller: under<SellersStream>("streams_by_seller"),
  /** The one stream a seller is live with, if any. */
  liveStreamOf: under<OfSeller>("live_stream_of"),
  /** How many streams a seller created on one day (UTC days since the epoch), for the quota. */
  streamsCreatedOf: under<OfSeller>("streams_created"),
  streamsCreated: under<SellersDay>("streams_created"),
  liveStreams: under<Whole>("live_streams"),
  liveStream: under<OfStream>("live_streams"),
  /** The seller's studio connections to the stream's room now (HostConnection[]), from webhooks. */
  hostConnections: under<OfStream>("host_connections"),
  /** Streams never taken live, by when they were made (ISO, so they sort by age), for the sweep of old drafts. */
  drafts: under<Whole>("stream_drafts"),
  draft: under<DraftAge>("stream_drafts"),
  /** Present once every draft made before the index above is in it. */
  draftsIndexed: under<Whole>("stream_drafts_indexed"),
  /** A stream its seller deleted ({ sellerId }), until everything kept for it is gone too. */
  goneStreams: under<Whole>("streams_gone"),
  goneStream: under<OfStream>("streams_gone"),

  // chat
  chatOf: under<OfStream>("chat"),
  chat: under<StreamItem>("chat"),
  /** A chat message's id by the id its sender's page gave the send, so a resend posts it once. */
  chatSendsOf: under<OfStream>("chat_sends"),
  chatSend: under<StreamPersonItem>("chat_sends"),

  // audience
  likeCount: under<OfStream>("like_counts"),
  /** Present while this identity likes the stream. */
  likesOf: under<OfStream>("likes"),
  like: under<StreamPerson>("likes"),
  /** { current, peak } viewer counts, kept in step with the viewer set. */
  viewerCount: under<OfStream>("viewer_counts"),
  /** The viewers in the stream's room right now (identity → name and LiveKit session), from webhooks. */
  viewersOf: under<OfStream>("viewers"),
  viewer: under<StreamPerson>("viewers"),
  /** How many of the stream's viewers watch from a client address (a capped stream's share of it). */
  viewersFromOf: under<OfStream>("viewers_from"),
  viewersFrom: under<StreamAddress>("viewers_from"),
  /** Present while the viewer counts changed since the room was last told. */
  viewersChangedAll: under<Whole>("viewers_changed"),
  viewersChanged: under<OfStream>("viewers_changed"),
  /** When the room was last told the counts, and the seller the names ({ countsAt, namesAt, names }). */
  viewersToldAll: under<Whole>("viewers_told"),
  viewersTold: under<OfStream>("viewers_told"),
  /** Reactions not yet sent to the stream's room, every process's merged (ReactionBatch); gone once sent. */
  reactionBatch: under<OfStream>("reaction_batches"),
  /** A LiveKit webhook event already handled, by its id (expires after a day). */
  webhookEvent: under<ById>("webhook_events"),

  // catalog
  product: under<ById>("products"),
  productsBySeller: under<OfSeller>("products_by_seller"),
  productBySeller: under<SellersProduct>("products_by_seller"),
  /** What a seller keeps ({ products, imageBytes }), for their quotas. */
  sellerUsage: under<OfSeller>("seller_usage"),
  /** Bumped by every hold in any of the seller's streams: deleting the account checks it. */
  holdsMadeOf: under<OfSeller>("holds_made"),
  /** Units left to reserve: its own key, so a reservation checks and takes stock without rewriting the product. */
  stock: under<OfProduct>("stock"),

  // showcase
  /** The product ids pinned to a stream, in the seller's order. */
  pins: under<OfStream>("pins"),
  /** The highlighted product's id; absent when nothing is highlighted. */
  highlight: under<OfStream>("highlights"),
  /** The stream's latest flash sale (FlashSale); it ended when its endsAt has passed. */
  sale: under<OfStream>("sales"),

  // commerce
  /** A viewer's cart in one stream. */
  cartsOf: under<OfStream>("carts"),
  cart: under<StreamPerson>("carts"),
  reservationsOf: under<OfStream>("reservations"),
  reservation: under<StreamItem>("reservations"),
  /** The holds a buyer has in a stream (present while held). */
  holdersOf: under<OfStream>("held_by"),
  heldByOf: under<StreamPerson>("held_by"),
  heldBy: under<StreamPersonItem>("held_by"),
  /** Holds by the time they expire (ISO, so they sort by time), for the sweeper. */
  holdExpiries: under<Whole>("hold_expiry"),
  holdExpiry: under<HoldDue>("hold_expiry"),

  // moderation (a shop is its seller: its rules, moderators, bans and log hold for all its streams)
  /** Who wrote each chat message ({ identity, browser }), beside it: never sent, read to time out or ban. */
  chatAuthorsOf: under<OfStream>("chat_authors"),
  chatAuthor: under<StreamItem>("chat_authors"),
  /** The shop's chat rules (ChatRules); absent: the defaults. */
  chatRules: under<OfSeller>("chat_rules"),
  /** The sellers a shop named moderators (Moderator), by their seller id. */
  allModerators: under<Whole>("moderators"),
  moderatorsOf: under<OfSeller>("moderators"),
  moderator: under<ShopsSeller>("moderators"),
  /** The same, the other way round: present while the seller moderates the shop, for their studio's list. */
  moderatingOf: under<OfSeller>("moderating"),
  moderating: under<ModeratorsShop>("moderating"),
  /** Present for an hour after the seller stopped moderating the shop: their studio home says so, truthfully. */
  allLeftShops: under<Whole>("left_shops"),
  leftShopsOf: under<OfSeller>("left_shops"),
  leftShop: under<ModeratorsShop>("left_shops"),
  /** Present once every moderator named before the index above is in it. */
  moderatingIndexed: under<Whole>("moderating_indexed"),
  /** Someone banned from the shop's streams (Ban), by identity; the browser they used, by its id. */
  bansOf: under<OfSeller>("bans"),
  ban: under<ShopsPerson>("bans"),
  bannedBrowsersOf: under<OfSeller>("banned_browsers"),
  bannedBrowser: under<ShopsBrowser>("banned_browsers"),
  /** Someone timed out of the shop's chats (TimeOut with their browser; the end alone, ISO, under the browser); expire with it. */
  timeoutsOf: under<OfSeller>("timeouts"),
  timeout: under<ShopsPerson>("timeouts"),
  timedOutBrowsersOf: under<OfSeller>("timed_out_browsers"),
  timedOutBrowser: under<ShopsBrowser>("timed_out_browsers"),
  /** When a viewer last posted in a stream (ms), for slow mode; expires with the wait. */
  lastChatsOf: under<OfStream>("last_chat"),
  lastChat: under<StreamPerson>("last_chat"),
  /** The stream's open reports (the Report, and who reported it), by the reported message's id. */
  reportsOf: under<OfStream>("reports"),
  report: under<StreamItem>("reports"),
  /** The note pinned at the top of the stream's chat (PinnedNote); absent when none. */
  pinnedNote: under<OfStream>("pinned_notes"),
  /** The shop's moderation log (ModerationEntry), under sortable ids. */
  moderationLogOf: under<OfSeller>("moderation_log"),
  moderationLog: under<ShopsItem>("moderation_log"),

  // replays
  /** A recording of a stream while it was live (Take), one per unbroken run of the seller's camera. */
  takesOf: under<OfStream>("replay_takes"),
  take: under<StreamItem>("replay_takes"),
  /** Every take, for the sweep that removes them once they are past keeping. */
  allTakes: under<Whole>("replay_takes"),
  /** Bytes of replay a seller keeps, for their quota. */
  replayUsage: under<OfSeller>("replay_usage"),

  // analytics
  /** Present once this identity has joined the stream's room as a viewer (unique viewers). */
  visitorsOf: under<OfStream>("stream_visitors"),
  visitor: under<StreamPerson>("stream_visitors"),
  /** One of a stream's analytics counters, a Deno.KvU64 bumped with `sum`. */
  statsOf: under<OfStream>("stream_stats"),
  statCounter: under<StreamCounter>("stream_stats"),
};

/**
 * What is kept for one stream besides its record and its replay: each family's key, or
 * prefix, for the stream's id. Deleting a stream removes them all.
 */
export const perStream: ((streamId: string) => Deno.KvKey)[] = [
  keys.outboxOf,
  keys.outboxLease,
  keys.outboxSeq,
  keys.outboxChange,
  keys.hostConnections,
  keys.chatOf,
  keys.chatSendsOf,
  keys.likeCount,
  keys.likesOf,
  keys.viewerCount,
  keys.viewersOf,
  keys.viewersFromOf,
  keys.viewersChanged,
  keys.viewersTold,
  keys.reactionBatch,
  keys.pins,
  keys.highlight,
  keys.sale,
  keys.cartsOf,
  keys.reservationsOf,
  keys.holdersOf,
  keys.chatAuthorsOf,
  keys.lastChatsOf,
  keys.reportsOf,
  keys.pinnedNote,
  keys.visitorsOf,
  keys.statsOf,
];

/**
 * What is kept for one seller besides their record, streams (each removes its own entries
 * in the seller's list and live marker), products, moderators (each goes with its entry
 * in the other index, lib/moderation/moderators.ts) and sessions (each with its entry in
 * the seller's, lib/auth/session_store.ts): each family's key, or prefix, for the
 * seller's id. Deleting the account removes them all.
 */
export const perSeller: ((sellerId: string) => Deno.KvKey)[] = [
  keys.knownDevicesOf,
  keys.streamsCreatedOf,
  keys.productsBySeller,
  keys.sellerUsage,
  keys.holdsMadeOf,
  keys.replayUsage,
  keys.chatRules,
  keys.bansOf,
  keys.bannedBrowsersOf,
  keys.timeoutsOf,
  keys.timedOutBrowsersOf,
  keys.moderationLogOf,
  keys.leftShopsOf,
];
