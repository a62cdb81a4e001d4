// A stream's life, as the API, the studio's forms and the watch page drive it: create,
// go live, end, and join its room. Each change commits together with what the room hears.
import type { JoinTicket, PublicStream } from "@/lib/contract/views.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import { localDayAndTime } from "@/lib/contract/dates.ts";
import { conflict, forbidden } from "@/lib/core/errors.ts";
import type { Config } from "@/lib/core/config.ts";
import type { Services } from "@/lib/core/services.ts";
import { spend, spendHere } from "@/lib/limits/limiter.ts";
import { ADDRESS_ATTRIBUTE, connectionIdentity } from "@/lib/livekit/names.ts";
import { mintToken, sellerGrant, VIEWER_TOKEN_TTL_SECONDS, viewerGrant } from "@/lib/livekit/tokens.ts";
import { admitViewer } from "@/lib/moderation/admission.ts";
import { refuseOpenHolds } from "@/lib/commerce/actions.ts";
import { findStream, isOwner, ownStream, requireOpen } from "./access.ts";
import { presenceOf, statusNews } from "./news.ts";
import { isRecorded } from "@/lib/replays/actions.ts";
import { removeStream } from "./removal.ts";
import type { CreateStreamInput } from "./inputs.ts";
import {
  createStream,
  endStream,
  getStream,
  goLive as markLive,
  listSellerStreams,
  type Stream,
} from "./store.ts";

export function links(stream: Stream, origin: string): { studioUrl: string; watchUrl: string } {
  return {
    studioUrl: new URL(`/studio/${stream.id}`, origin).href,
    watchUrl: new URL(`/watch/${stream.id}`, origin).href,
  };
}

export async function create(services: Services, actor: Actor, input: CreateStreamInput): Promise<Stream> {
  const sellerId = requireSeller(actor);
  await spend(services, "seller", actor);
  const { kv, clock, config } = services;
  const stream = await createStream(kv, { sellerId, sellerName: actor.name, ...input }, clock.now(), {
    perDay: config.quotas.streamsPerDay,
  });
  if (!stream) {
    throw conflict(
      "quota_exceeded",
      `You can create at most ${config.quotas.streamsPerDay} streams a day. Go live with one you made today.`,
    );
  }
  return stream;
}

/** The asker's own streams, newest first. */
export async function listOwn({ kv }: Services, actor: Actor): Promise<Stream[]> {
  return await listSellerStreams(kv, requireSeller(actor));
}

/** Public facts about a stream: what the watch page needs, nothing about the seller's account. */
export async function publicView({ kv }: Services, streamId: string): Promise<PublicStream> {
  const stream = await findStream(kv, streamId);
  const { id, title, description, sellerName, status } = stream;
  return { id, title, description, sellerName, status, presence: presenceOf(stream) };
}

/**
 * Stored and announced in one commit: a viewer who misses the message reads KV on load.
 * Also says whether the stream is being recorded, so a studio taking it over (another tab,
 * the seller's phone) records on.
 */
export async function goLive(
  services: Services,
  actor: Actor,
  streamId: string,
): Promise<{ stream: Stream; recorded: boolean }> {
  const { kv, clock } = services;
  await spend(services, "seller", actor);
  const stream = await ownStream(kv, actor, streamId);
  const result = await markLive(kv, stream, clock.now(), (live) => statusNews(live, live.startedAt!));
  if (result.ok) return { stream: result.stream, recorded: await isRecorded(services, result.stream) };
  if (result.reason === "ended") {
    throw conflict("stream_ended", "This stream has ended; create a new one to go live again");
  }
  // Named, so the seller knows which to end (in the studio's list of streams).
  const other = result.otherStreamId && await getStream(kv, result.otherStreamId);
  const which = other
    ? `"${other.title}" (live since ${localDayAndTime(other.startedAt ?? other.createdAt)})`
    : "another stream";
  throw conflict(
    "already_live",
    `You are already live with ${which}; end it (Studio, your streams) before going live with this one`,
  );
}

/**
 * Ends the stream: stored with its news (the room hears "ended", then closes, letting every
 * viewer go), so KV and LiveKit end up agreeing even if LiveKit is down right now.
 */
export async function end(services: Services, actor: Actor, streamId: string): Promise<Stream> {
  const { kv, clock } = services;
  await spend(services, "seller", actor);
  const stream = await ownStream(kv, actor, streamId);
  return await endStream(kv, stream, clock.now(), (ended) => statusNews(ended, ended.endedAt!));
}

/**
 * Deletes the seller's stream and all kept for it (chat, sales records, analytics,
 * replay). Not while it is live, nor while buyers hold stock in it.
 */
export async function remove(services: Services, actor: Actor, streamId: string): Promise<void> {
  await spend(services, "seller", actor);
  const stream = await ownStream(services.kv, actor, streamId);
  const made = stream.status === "live" ? undefined : await refuseOpenHolds(services, stream);
  const removed = await removeStream(services, streamId, (s) => s.status !== "live", made);
  if (removed === "changed") {
    throw conflict(
      "holds_open",
      `A buyer reserved in “${stream.title}” just now: mark it paid or release it first`,
    );
  }
  if (!removed) {
    await findStream(services.kv, streamId); // a 404 when another request deleted it first
    throw conflict("stream_live", "This stream is live: end it before deleting it");
  }
}

/**
 * A LiveKit token for one connection to the stream's room: to broadcast (its seller, from
 * the studio) or to watch (anyone the shop has not banned, while the stream has room; the
 * seller on their own watch page too). Each has its own identity, so a second tab never
 * kicks the first.
 */
export async function joinToken(
  services: Services,
  actor: Actor,
  streamId: string,
  as: "host" | "viewer",
): Promise<JoinTicket> {
  const found = await findStream(services.kv, streamId);
  await spend(services, "token", actor);
  const stream = requireOpen(found);
  const host = as === "host";
  if (host && !isOwner(actor, stream)) {
    throw forbidden("not_stream_owner", "Only the seller who created this stream can broadcast to it");
  }
  if (!host) await admitViewer(services, actor, stream);
  return ticket(services.config, actor, stream, host);
}

/**
 * A viewer's ticket handed out with the watch page, which has read the stream and found
 * nothing refusing the asker (nor can anything refuse a guest made since: a new identity
 * and browser are banned nowhere and inside no room yet). Counted in this process's
 * memory, so a page view costs no write.
 */
export function pageTicket(services: Services, actor: Actor, stream: Stream): JoinTicket {
  spendHere(services, "token", actor);
  return ticket(services.config, actor, requireOpen(stream), false);
}

/**
 * A viewer's ticket is short-lived (it holds a seat while it opens the room) and names the
 * address its seat was given to, for their join to be checked (lib/audience/webhooks.ts).
 */
function ticket(config: Config, actor: Actor, stream: Stream, host: boolean): JoinTicket {
  const who = { identity: connectionIdentity(actor.identity, host), name: actor.name };
  const viewer = { ...who, attributes: { [ADDRESS_ATTRIBUTE]: actor.address } };
  const token = host
    ? mintToken(config.livekit, who, sellerGrant(stream.id))
    : mintToken(config.livekit, viewer, viewerGrant(stream.id), VIEWER_TOKEN_TTL_SECONDS);
  return { serverUrl: config.livekit.publicUrl, token };
}
