// Every KV key the app writes, in one place, so the layout of the store reads at a glance.
// A key is its prefix followed by the parts named in its tuple type; grouped by the
// capability that owns it.

type Whole = [];
type ById = [id: string];
type ByEmail = [email: string];
type ByTokenHash = [tokenHash: string];
type OfSeller = [sellerId: string];
type OfStream = [streamId: string];
type OfProduct = [productId: string];
type SellersStream = [sellerId: string, streamId: string];
type SellersProduct = [sellerId: string, productId: string];
type StreamItem = [streamId: string, id: string];
type StreamPerson = [streamId: string, identity: string];
type StreamCounter = [streamId: string, name: string];

/** A key maker: the prefix, then the parts in order. */
const under = <P extends string[]>(prefix: string) => (...parts: P) => [prefix, ...parts] as const;

export const keys = {
  // auth
  seller: under<ById>("sellers"),
  sellerByEmail: under<ByEmail>("sellers_by_email"),
  /** A session, by the SHA-256 of its token (never the token itself). */
  session: under<ByTokenHash>("sessions"),

  // streams
  stream: under<ById>("streams"),
  streamsBySeller: under<OfSeller>("streams_by_seller"),
  streamBySeller: under<SellersStream>("streams_by_seller"),
  /** The one stream a seller is live with, if any. */
  liveStreamOf: under<OfSeller>("live_stream_of"),
  liveStreams: under<Whole>("live_streams"),
  liveStream: under<OfStream>("live_streams"),
  /** The LiveKit session id of the seller's latest connection to the stream's room. */
  sellerSession: under<OfStream>("seller_sessions"),

  // chat
  chatOf: under<OfStream>("chat"),
  chat: under<StreamItem>("chat"),
  /** A sender's recent post times in a stream, for the chat rate limit (expires by itself). */
  chatRate: under<StreamPerson>("chat_rate"),

  // audience
  likeCount: under<OfStream>("like_counts"),
  /** Present while this identity likes the stream. */
  like: under<StreamPerson>("likes"),
  /** { current, peak } viewer counts, kept in step with the viewer set. */
  viewerCount: under<OfStream>("viewer_counts"),
  /** The viewers in the stream's room right now (identity → name and LiveKit session), from webhooks. */
  viewersOf: under<OfStream>("viewers"),
  viewer: under<StreamPerson>("viewers"),

  // catalog
  product: under<ById>("products"),
  productsBySeller: under<OfSeller>("products_by_seller"),
  productBySeller: under<SellersProduct>("products_by_seller"),
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
  cart: under<StreamPerson>("carts"),
  reservationsOf: under<OfStream>("reservations"),
  reservation: under<StreamItem>("reservations"),

  // analytics
  /** Present once this identity has joined the stream's room as a viewer (unique viewers). */
  visitor: under<StreamPerson>("stream_visitors"),
  /** One of a stream's analytics counters, a Deno.KvU64 bumped with `sum`. */
  statCounter: under<StreamCounter>("stream_stats"),
};
