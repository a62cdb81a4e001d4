// Every KV key the app writes, in one place, so the layout of the store reads at a glance.
export const keys = {
  seller: (id: string) => ["sellers", id] as const,
  sellerByEmail: (email: string) => ["sellers_by_email", email] as const,
  session: (tokenHash: string) => ["sessions", tokenHash] as const,
  stream: (id: string) => ["streams", id] as const,
  streamsBySeller: (sellerId: string) => ["streams_by_seller", sellerId] as const,
  streamBySeller: (sellerId: string, streamId: string) => ["streams_by_seller", sellerId, streamId] as const,
  liveStreamOf: (sellerId: string) => ["live_stream_of", sellerId] as const,
  liveStreams: () => ["live_streams"] as const,
  liveStream: (streamId: string) => ["live_streams", streamId] as const,
  chatOf: (streamId: string) => ["chat", streamId] as const,
  chat: (streamId: string, id: string) => ["chat", streamId, id] as const,
  /** A sender's recent post times in a stream, for the chat rate limit (expires by itself). */
  chatRate: (streamId: string, identity: string) => ["chat_rate", streamId, identity] as const,
  /** Present while this identity likes the stream. */
  like: (streamId: string, identity: string) => ["likes", streamId, identity] as const,
  likeCount: (streamId: string) => ["like_counts", streamId] as const,
  /** The viewers in the stream's room right now (identity → name and LiveKit session), from webhooks. */
  viewersOf: (streamId: string) => ["viewers", streamId] as const,
  viewer: (streamId: string, identity: string) => ["viewers", streamId, identity] as const,
  /** { current, peak } viewer counts, kept in step with the viewer set. */
  viewerCount: (streamId: string) => ["viewer_counts", streamId] as const,
  /** The LiveKit session id of the seller's latest connection to the stream's room. */
  sellerSession: (streamId: string) => ["seller_sessions", streamId] as const,
  product: (id: string) => ["products", id] as const,
  productsBySeller: (sellerId: string) => ["products_by_seller", sellerId] as const,
  productBySeller: (sellerId: string, productId: string) =>
    ["products_by_seller", sellerId, productId] as const,
  /** Units left to reserve: its own key, so a reservation checks and takes stock without rewriting the product. */
  stock: (productId: string) => ["stock", productId] as const,
  /** The stream's latest flash sale (FlashSale); it ended when its endsAt has passed. */
  sale: (streamId: string) => ["sales", streamId] as const,
  /** A viewer's cart in one stream. */
  cart: (streamId: string, identity: string) => ["carts", streamId, identity] as const,
  reservationsOf: (streamId: string) => ["reservations", streamId] as const,
  reservation: (streamId: string, id: string) => ["reservations", streamId, id] as const,
  /** Present once this identity has joined the stream's room as a viewer (unique viewers). */
  visitor: (streamId: string, identity: string) => ["stream_visitors", streamId, identity] as const,
  /** One of a stream's analytics counters, a Deno.KvU64 bumped with `sum`. */
  statCounter: (streamId: string, name: string) => ["stream_stats", streamId, name] as const,
  /** The product ids pinned to a stream, in the seller's order. */
  pins: (streamId: string) => ["pins", streamId] as const,
  /** The highlighted product's id; absent when nothing is highlighted. */
  highlight: (streamId: string) => ["highlights", streamId] as const,
};
