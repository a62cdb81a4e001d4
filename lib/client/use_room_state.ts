// Server-kept state an island shows live: it starts from the server-rendered value,
// follows the room's messages on one topic, and is fetched again after the room comes
// back from a drop (messages sent meanwhile are gone). `ready` turns true once it listens.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { MessageOf, Topic } from "../messages.ts";
import { getJson } from "./api.ts";
import { liveRoom } from "./live_room.ts";

export function useRoomState<T, K extends Topic>(
  initial: T,
  opts: { topic: K; apply: (state: T, message: MessageOf<K>) => T; refetch: string },
): { state: Signal<T>; ready: Signal<boolean> } {
  const state = useSignal(initial);
  const ready = useSignal(false);
  useEffect(() => {
    const live = liveRoom();
    const off = live.on(opts.topic, (message) => {
      if (!isStale(state.value, message)) state.value = opts.apply(state.value, message);
    });
    const offResync = live.onResync(() => {
      // A message may have overtaken the fetch's answer: keep whichever is newer.
      getJson<T>(opts.refetch).then((fresh) => {
        if (!isStale(state.value, fresh)) state.value = fresh;
      }, () => {});
    });
    ready.value = true;
    return () => {
      off();
      offResync();
    };
  }, []);
  return { state, ready };
}

/** A message older than the state (both versioned by KV versionstamps) is dropped. */
function isStale(state: unknown, message: unknown): boolean {
  const have = (state as { version?: unknown }).version;
  const got = (message as { version?: unknown }).version;
  return typeof have === "string" && typeof got === "string" && got < have;
}
