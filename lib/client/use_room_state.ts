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
    const off = live.on(opts.topic, (message) => state.value = opts.apply(state.value, message));
    const offResync = live.onResync(() => {
      getJson<T>(opts.refetch).then((fresh) => state.value = fresh, () => {});
    });
    ready.value = true;
    return () => {
      off();
      offResync();
    };
  }, []);
  return { state, ready };
}
