// The watch page: everything a viewer sees before the room connects, so a late viewer
// starts from the current chat (with its pinned note), audience, showcase and their cart;
// whether the asker moderates its chat, or may not watch at all; the ticket its player
// joins the room with; and the product sheet asked for in the address, all of which
// works before the page's JavaScript runs.
import { ownAudience, withOwn } from "@/lib/audience/actions.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import type {
  Audience,
  Cart,
  JoinTicket,
  ProductView,
  ReplayTake,
  ReservationSummary,
  Showcase,
  WatchModeration,
} from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { DomainError } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { type Admission, admissionOf, admitSeat } from "@/lib/moderation/admission.ts";
import type { Stream } from "@/lib/streams/store.ts";
import { pageTicket } from "@/lib/streams/actions.ts";
import { view as productView } from "@/lib/catalog/actions.ts";
import { cartIn, holdsIn } from "@/lib/commerce/actions.ts";
import { batchedReads } from "@/lib/kv/batched_reads.ts";
import { replayOf } from "@/lib/replays/actions.ts";
import { heldStream, streamSnapshot } from "./stream_snapshot.ts";

export interface WatchPage {
  stream: Stream;
  chat: ChatMessage[];
  audience: Audience;
  showcase: Showcase;
  moderation: WatchModeration;
  /** A ticket to the room, so the player connects with no request between the page and LiveKit. */
  join: JoinTicket | null;
  /** The room's last `seq` when this state was read: a message after it that the page missed shows as a gap. */
  seq: number;
  /** The asker's cart in this stream, and what they hold. */
  cart: Cart;
  holds: ReservationSummary[];
  /** The product whose sheet is open (asked for with `?product=`, when it is on show). */
  sheet: ProductView | null;
  /** The stream's replay, once it has ended (none before). */
  replay: ReplayTake[];
  /** Which read of what everyone sees alike this page shows (./stream_snapshot.ts). */
  snapshot: number;
}

export interface WatchRequest {
  asker: Actor;
  streamId: string;
  /** Who joins the room: the asker, the guest the page just made of a stranger, or a nameless watcher. */
  viewer: () => Promise<Actor | null>;
  /** The product whose sheet to open. */
  product?: string;
}

export async function watchPage(
  services: Services,
  { asker, streamId, viewer, product }: WatchRequest,
): Promise<WatchPage> {
  const { kv, clock } = services;
  // The asker's own keys (like, standing, the shop's rules, cart) go in one read
  // (batchedReads): they need only what never changes of the stream, known once it was read.
  const reads = { ...services, kv: batchedReads(kv) };
  const held = heldStream(kv, streamId);
  // A stream not read here yet is read first (once): its own keys need it.
  const first = held ? null : await streamSnapshot(services, streamId);
  const known = held ?? first!.stream;
  const [shared, own, admission, cart, holds] = await Promise.all([
    first ?? streamSnapshot(services, streamId),
    ownAudience(reads.kv, asker, known),
    admissionOf(reads, asker, known),
    cartIn(reads, asker, known),
    holdsIn(reads, asker, known),
  ]);
  const { stream, chat, seq, version: snapshot } = shared;
  const { viewerCap: _, ...moderation } = admission;
  const open = stream.status !== "ended" && !moderation.refusal;
  const join = open ? await ticketFor(services, await viewer(), stream, admission) : null;
  const onShow = [...shared.showcase.pins, shared.showcase.highlight].some((p) => p?.id === product);
  const sheet = product && onShow ? await productView(services, product) : null;
  // While the studio may still send its last parts, the player waits for them (it asks again).
  const { takes, saving } = await replayOf(services, stream);
  return {
    stream,
    chat,
    audience: withOwn(shared.audience, own),
    showcase: { ...shared.showcase, serverNow: isoAt(clock.now()) },
    moderation: { ...moderation, pinned: shared.pinned },
    join,
    seq,
    cart,
    holds,
    sheet,
    replay: saving ? [] : takes,
    snapshot,
  };
}

/** A viewer's ticket, or null when they get none now (the page then asks, and shows why). */
async function ticketFor(
  services: Services,
  viewer: Actor | null,
  stream: Stream,
  admission: Admission,
): Promise<JoinTicket | null> {
  if (!viewer) return null;
  try {
    await admitSeat(services, viewer, stream, admission);
    return pageTicket(services, viewer, stream);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}
