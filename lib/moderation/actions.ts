// Moderating a stream's chat, by its seller (the host) or the shop's moderators: delete a
// message, time its author out or ban them, pin a note on top of chat, and answer
// viewers' reports. Every action checks the role here, and is stored with its log entry
// and what the room and the seller hear of it in one commit (lib/outbox).
import { getChatMessage, removeChatMessage, removeMessagesBy } from "@/lib/chat/store.ts";
import { timeoutWords } from "@/lib/contract/limits.ts";
import type { Ban, ModerationEntry, Pinned } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { conflict, forbidden, notFound } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { findStream, openStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";
import type { TimeoutInput } from "./inputs.ts";
import { logEntry, withLog } from "./log.ts";
import { getPinned, setPinned } from "./pinned.ts";
import { addReport, closeReport, dismissReport } from "./reports.ts";
import { isProtected, refuseProtected, requireModerator } from "./roles.ts";
import { refuseBanned } from "./admission.ts";
import { addBan, timeOut as storeTimeout } from "./sanctions.ts";
import { dropConnections, removedNews, standingNews } from "./tell.ts";

/** The stream, once the asker is its host or one of the shop's moderators (else 403). */
async function moderated(services: Services, actor: Actor, stream: Stream): Promise<Stream> {
  await requireModerator(services.kv, actor, stream.sellerId);
  await spend(services, "seller", actor);
  return stream;
}

/** The stream's log and studio, and what its room hears besides. */
const placeOf = (stream: Stream, news: News[] = []) => ({
  shopId: stream.sellerId,
  streamId: stream.id,
  news,
});

const gone = () => notFound("message_not_found", "No such message: it may have been removed already");

/** The message and its author, for a timeout or ban: never the host's or a moderator's. */
async function offenderOf({ kv }: Services, stream: Stream, messageId: string) {
  const found = await getChatMessage(kv, stream.id, messageId);
  if (!found) throw gone();
  await refuseProtected(kv, stream.sellerId, found.author.identity);
  return found;
}

/** 403 unless the asker is the seller, when the author is the host or a moderator. */
async function refuseUnlessHost(kv: Deno.Kv, actor: Actor, stream: Stream, author: string, what: string) {
  if (actor.sellerId !== stream.sellerId && await isProtected(kv, stream.sellerId, author)) {
    throw forbidden("not_host", `Only the seller can ${what} the host's or a moderator's message`);
  }
}

/**
 * Deletes a message: gone from every screen and page, kept in the log with who deleted it.
 * The host deletes anyone's; a moderator, viewers' and their own, not the host's or
 * another moderator's (403).
 */
export async function deleteMessage(services: Services, actor: Actor, streamId: string, id: string) {
  const { kv, clock } = services;
  const stream = await moderated(services, actor, await findStream(kv, streamId));
  const found = await getChatMessage(kv, stream.id, id);
  if (!found) throw gone();
  const { identity } = found.author;
  if (identity !== actor.identity) await refuseUnlessHost(kv, actor, stream, identity, "delete");
  const entry = logEntry(actor.name, "delete", clock.now());
  const removed = await removeChatMessage(
    kv,
    stream.id,
    id,
    (op, m) =>
      withLog(closeReport(op, stream.id, id), placeOf(stream, removedNews([id])), {
        ...entry,
        target: m.name,
        detail: m.text,
      }),
  );
  if (!removed) throw gone();
}

/** Times the message's author out of the shop's chats (and reactions) for some minutes. */
export async function timeOut(
  services: Services,
  actor: Actor,
  streamId: string,
  { messageId, minutes }: TimeoutInput,
): Promise<{ until: string }> {
  const { kv, clock } = services;
  const stream = await moderated(services, actor, await findStream(kv, streamId));
  const { message: m, author } = await offenderOf(services, stream, messageId);
  const now = clock.now();
  const until = isoAt(now + minutes * 60_000);
  const entry = logEntry(actor.name, "timeout", now, { target: m.name, detail: timeoutWords(minutes) });
  const timeout = { name: m.name, by: actor.name, at: isoAt(now), until };
  await storeTimeout(kv, placeOf(stream, [standingNews(author.identity, until)]), author, timeout, entry);
  return { until };
}

/**
 * Bans the message's author from the shop's streams: stored first, then their messages in
 * this stream are hidden (with their reports, and the room told, batch by batch) and
 * their connections removed from its room at once.
 */
export async function ban(
  services: Services,
  actor: Actor,
  streamId: string,
  messageId: string,
): Promise<Ban> {
  const { kv, clock } = services;
  const stream = await moderated(services, actor, await findStream(kv, streamId));
  const { message: m, author } = await offenderOf(services, stream, messageId);
  const now = clock.now();
  const ban = { person: author.identity, name: m.name, by: actor.name, at: isoAt(now) };
  const entry = logEntry(actor.name, "ban", now, { target: m.name, detail: m.text });
  await addBan(kv, placeOf(stream), { ...ban, ...author }, entry);
  await removeMessagesBy(kv, stream.id, author.identity, (op, ids) => {
    for (const id of ids) closeReport(op, stream.id, id);
    return queue(op, stream.id, removedNews(ids));
  });
  await dropConnections(services, stream.id, author.identity);
  return ban;
}

/** A viewer reports a message; the seller hears of it in their studio (each person counts once). */
export async function report(services: Services, actor: Actor, streamId: string, id: string): Promise<void> {
  const { kv, clock } = services;
  await spend(services, "report", actor);
  const stream = await openStream(kv, streamId);
  await refuseBanned(services, actor, stream);
  const found = await getChatMessage(kv, stream.id, id);
  if (!found) throw gone();
  // Compared by person, as timeouts and bans are: the host is refused too.
  if (found.author.identity === actor.identity) {
    throw conflict("own_message", "You can't report your own message.");
  }
  await addReport(kv, stream.id, found.message, actor.identity, clock.now());
}

/**
 * Closes a report without acting on the message. Of the host's or a moderator's message
 * (their own too), only the seller may: the report is for the seller to read.
 */
export async function dismiss(services: Services, actor: Actor, streamId: string, id: string): Promise<void> {
  const { kv, clock } = services;
  const stream = await moderated(services, actor, await findStream(kv, streamId));
  const found = await getChatMessage(kv, stream.id, id);
  if (found) await refuseUnlessHost(kv, actor, stream, found.author.identity, "dismiss a report of");
  let entry: ModerationEntry | undefined;
  await dismissReport(
    kv,
    stream.sellerId,
    stream.id,
    id,
    ({ message: m }) =>
      entry = logEntry(actor.name, "dismiss", clock.now(), { target: m.name, detail: m.text }),
  );
  if (!entry) throw notFound("report_not_found", "No open report of this message");
}

/** The note pinned on top of the stream's chat, for anyone. */
export async function pinned({ kv }: Services, streamId: string): Promise<Pinned> {
  return await getPinned(kv, (await findStream(kv, streamId)).id);
}

/** Pins a note at the top of the stream's chat (null unpins it), on every screen at once. */
export async function pin(
  services: Services,
  actor: Actor,
  streamId: string,
  text: string | null,
): Promise<Pinned> {
  const { kv, clock } = services;
  const stream = await moderated(services, actor, await openStream(kv, streamId));
  const now = clock.now();
  const note = text ? { text, by: actor.name, at: isoAt(now) } : null;
  const entry = logEntry(actor.name, note ? "pin" : "unpin", now, { detail: text ?? undefined });
  return await setPinned(kv, { shopId: stream.sellerId, streamId: stream.id }, note, entry);
}
