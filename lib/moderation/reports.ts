// Viewers' reports of chat messages in KV, one record per reported message: who reported
// it (each person counts once) and when last, until a moderator deletes the message or
// dismisses the report.
import { MAX_OPEN_REPORTS } from "@/lib/contract/limits.ts";
import { type ChatMessage, message } from "@/lib/contract/messages.ts";
import type { ModerationEntry, Report } from "@/lib/contract/views.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";
import { keys } from "@/lib/kv/keys.ts";
import { takeLogged } from "./log.ts";

interface StoredReport extends Report {
  /** Who reported it (identities), so a second report of theirs counts for nothing. */
  reporters: string[];
}

/** An open report goes by itself after a month. */
const REPORT_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Reporters remembered per message; past this, the count still grows. */
const MAX_REPORTERS = 100;

/**
 * Adds the reporter's report of the message, telling the seller's studio in the same
 * commit; the report, or null when they had reported it already.
 */
export async function addReport(
  kv: Deno.Kv,
  streamId: string,
  chat: ChatMessage,
  reporter: string,
  now: number,
): Promise<Report | null> {
  const key = keys.report(streamId, chat.id);
  return await atomically("reporting the message", async () => {
    const entry = await kv.get<StoredReport>(key);
    const reporters = entry.value?.reporters ?? [];
    if (reporters.includes(reporter)) return null;
    const stored: StoredReport = {
      message: chat,
      count: (entry.value?.count ?? 0) + 1,
      at: isoAt(now),
      reporters: [...reporters, reporter].slice(-MAX_REPORTERS),
    };
    const op = kv.atomic().check(entry).set(key, stored, { expireIn: REPORT_TTL_MS });
    const news: News[] = [{ message: message("report", reportOf(stored)), to: "hosts" }];
    return (await queue(op, streamId, news).commit()).ok ? reportOf(stored) : RETRY;
  });
}

/** The stream's open reports, newest first. */
export async function listReports(kv: Deno.Kv, streamId: string): Promise<Report[]> {
  const reports: Report[] = [];
  for await (const e of kv.list<StoredReport>({ prefix: keys.reportsOf(streamId) })) {
    reports.push(reportOf(e.value));
  }
  return reports.sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_OPEN_REPORTS);
}

/** Closes the message's report (if any) in the operation that removes the message. */
export const closeReport = (op: Deno.AtomicOperation, streamId: string, messageId: string) =>
  op.delete(keys.report(streamId, messageId));

/** A moderator dismisses a report; the report, or null when none is open. */
export async function dismissReport(
  kv: Deno.Kv,
  shopId: string,
  streamId: string,
  messageId: string,
  entryFor: (report: Report) => ModerationEntry,
): Promise<Report | null> {
  const stored = await takeLogged<StoredReport>(
    kv,
    { shopId, streamId },
    keys.report(streamId, messageId),
    (r) => entryFor(reportOf(r)),
  );
  return stored && reportOf(stored);
}

const reportOf = ({ message, count, at }: StoredReport): Report => ({ message, count, at });
