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
};
