// Server-kept state an island shows live: it starts from the server-rendered value,
// follows the room's messages on its topics, and is fetched again after the room comes
// back from a drop (messages sent meanwhile are gone). Each message or fetched state may
// carry versions per key (a like count, one product's stock): anything older than what is
// held for its key is dropped, so an overtaken send never replaces newer state. A fetch
// the state changed under (a message, the user's own change) is read again.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { MessageOf, Topic } from "@/lib/contract/messages.ts";
import { messageOf } from "./api.ts";
import { type LiveRoom, liveRoom } from "./live_room.ts";

export interface Follow<T> {
  /** How a message on each followed topic changes the state. */
  on: { [K in Topic]?: (state: T, message: MessageOf<K>) => T };
  /** The versions a message or a fetched state holds, per key ("" or absent: none). */
  versions?: (item: object) => Record<string, string | undefined>;
  /** Reads the state again from the server; failures are retried with backoff. */
  refetch?: (state: T) => Promise<T>;
  /** How fetched state joins the state held (default: replaces it). */
  merge?: (held: T, fetched: T) => T;
  /** Topics whose messages mean the state changed without carrying it: each one refetches. */
  refetchOn?: Topic[];
}

export interface Following<T> {
  refetch(): void;
  /**
   * Holds `next`, made from `from` (the answer to one's own change, as the room would
   * tell it), unless that is older than what is held: versions order one's answers and
   * the room's messages, which can arrive after an answer to a later change.
   */
  keep(next: T, from?: object): void;
  stop(): void;
}

const MAX_RETRY_MS = 30_000;
// A busy room can change the state under every read: after this many, reads wait a little.
const MAX_REREADS = 3;

/** Follows the room into `state`; `problem` tells, in plain words, when a refetch keeps failing. */
export function follow<T extends object>(
  state: Signal<T>,
  rules: Follow<T>,
  problem: Signal<string>,
  live: Pick<LiveRoom, "on" | "onResync"> = liveRoom(),
): Following<T> {
  const held = new Map<string, string>();
  // True when nothing in `item` is older than what is held; then its versions are held.
  const isCurrent = (item: object) => {
    const versions = Object.entries(rules.versions?.(item) ?? {}).filter(([, v]) => v) as [string, string][];
    if (versions.some(([key, v]) => v < (held.get(key) ?? ""))) return false;
    for (const [key, v] of versions) held.set(key, v);
    return true;
  };
  isCurrent(state.value as object);
  const offs = Object.entries(rules.on).map(([topic, apply]) =>
    live.on(topic as Topic, (message) => {
      if (isCurrent(message)) state.value = (apply as (s: T, m: unknown) => T)(state.value, message);
    })
  );
  let retry: ReturnType<typeof setTimeout> | undefined;
  const refetch = async (attempt: number, rereads = 0) => {
    clearTimeout(retry);
    const before = state.value;
    try {
      const fetched = await rules.refetch!(state.value);
      // What was read may be older than the change made meanwhile (a pin answered first).
      if (state.value !== before) {
        // Read again at once a few times, then after a wait (a busy room): a read the state
        // changed under is never taken, or it could undo the change.
        if (rereads < MAX_REREADS) return void refetch(attempt, rereads + 1);
        retry = setTimeout(() => refetch(attempt + 1), Math.min(100 * 2 ** attempt, MAX_RETRY_MS));
        return;
      }
      if (isCurrent(fetched)) state.value = rules.merge ? rules.merge(state.value, fetched) : fetched;
      problem.value = "";
    } catch (error) {
      problem.value = `Some updates may be missing. ${messageOf(error)}`;
      retry = setTimeout(() => refetch(attempt + 1), Math.min(1_000 * 2 ** attempt, MAX_RETRY_MS));
    }
  };
  if (rules.refetch) {
    offs.push(live.onResync(() => void refetch(0)));
    for (const topic of rules.refetchOn ?? []) offs.push(live.on(topic, () => void refetch(0)));
  }
  return {
    refetch: () => void (rules.refetch && refetch(0)),
    keep(next, from = next) {
      if (isCurrent(from)) state.value = next;
    },
    stop() {
      clearTimeout(retry);
      offs.forEach((off) => off());
    },
  };
}

export interface LiveState<T> extends Pick<Following<T>, "keep"> {
  state: Signal<T>;
  ready: Signal<boolean>;
  problem: Signal<string>;
  /** Fetches the state again now (after a change of one's own that the room will not announce). */
  refetch(): void;
}

/** `follow` for one island: `ready` turns true once it listens. */
export function useLiveState<T extends object>(initial: T, rules: Follow<T>): LiveState<T> {
  const state = useSignal(initial);
  const ready = useSignal(false);
  const problem = useSignal("");
  const following = useRef<Following<T>>();
  useEffect(() => {
    following.current = follow(state, rules, problem);
    ready.value = true;
    return following.current.stop;
  }, []);
  return {
    state,
    ready,
    problem,
    refetch: () => following.current?.refetch(),
    keep: (next, from) => following.current?.keep(next, from),
  };
}

/** Stock counts from racing reservations may arrive out of order: the newest per product is kept. */
export const stockVersions = (item: object) =>
  "productId" in item && "stock" in item
    ? { [`stock:${item.productId}`]: (item as { version?: string }).version }
    : {};

/** The `version` a message or state carries, under `key`: for state kept whole (likes, viewers). */
export const versionAs = (key: string) => (item: object) => ({
  [key]: (item as { version?: string }).version,
});

/**
 * The commit a pins or highlight message, one's own answer or a fetched showcase tells of,
 * per part (stock as above): the outbox sends in the order changes were made, and one made
 * first may commit last. An older part is dropped; a fetched showcase holds both parts.
 */
export const showcaseVersions = (item: object) => {
  const { type, version } = item as { type?: string; version?: string };
  if (type === "pins" || type === "highlight") return { [type]: version };
  return "productId" in item ? stockVersions(item) : { pins: version, highlight: version };
};
