// What was just deleted (a stream, an account) keeps a mark for a day. Requests in flight
// as it went (a slow upload, a reservation, a chat line) may still write for it: a write
// that creates something for it reads the mark and checks it absent in its commit, and
// each hourly sweep while the mark stays removes whatever else they left.
import { isoAt } from "@/lib/core/clock.ts";

const KEPT_MS = 24 * 60 * 60_000;

export interface GoneMark {
  /** When the sweep stops removing what is left for it, and drops the mark. */
  until: string;
}

/** Sets the mark, with `more` (what the sweep needs to know of it), in `op`. */
export function markGone(
  op: Deno.AtomicOperation,
  key: Deno.KvKey,
  now: number,
  more = {},
): Deno.AtomicOperation {
  const mark: GoneMark = { ...more, until: isoAt(now + KEPT_MS) };
  return op.set(key, mark, { expireIn: KEPT_MS });
}

/** The mark's entry, for a commit to check absent; `refusal` when it is there. */
export async function unlessGone(
  kv: Deno.Kv,
  key: Deno.KvKey,
  refusal: () => Error,
): Promise<Deno.KvEntryMaybe<unknown>> {
  const mark = await kv.get(key);
  if (mark.value !== null) throw refusal();
  return mark;
}

/**
 * For each mark under `prefix`, runs `purge` with the id that ends its key, then drops
 * the marks whose day is over.
 */
export async function sweepGone(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
  now: number,
  purge: (id: string) => Promise<void>,
): Promise<void> {
  for await (const { key, value } of kv.list<GoneMark>({ prefix })) {
    await purge(String(key.at(-1)));
    if (Date.parse(value.until) <= now) await kv.delete(key);
  }
}
