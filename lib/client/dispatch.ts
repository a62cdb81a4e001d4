// The page's messages, handed to the islands that follow their topic: in the room's
// sequence (lib/client/sequence.ts: a repeat is dropped; a gap or a heartbeat ahead asks
// every island to fetch again), and replayed to an island that starts listening after
// they came (islands hydrate one by one while the room is already connected), so none
// misses what arrived before it was ready.
import type { AnyMessage, MessageOf, Topic } from "@/lib/contract/messages.ts";
import { type Sequence, sequence } from "./sequence.ts";

type Listener = (message: never) => void;

/** Messages kept for islands that start listening late; lossy tallies and heartbeats are not worth it. */
const KEPT = 200;
const NOT_KEPT = new Set<Topic>(["reactions", "tick"]);

export interface Dispatcher {
  /** Calls `fn` with every message on `topic`, those already heard first; returns the unsubscribe function. */
  on<T extends Topic>(topic: T, fn: (message: MessageOf<T>) => void): () => void;
  /** Takes a message from the room. */
  receive(message: AnyMessage): void;
  order: Sequence;
}

export function dispatcher(resync: () => void): Dispatcher {
  const listeners = new Map<Topic, Set<Listener>>();
  const heard: AnyMessage[] = [];
  const order = sequence();
  return {
    order,
    on(topic, fn) {
      const set = listeners.get(topic) ?? new Set();
      listeners.set(topic, set);
      set.add(fn as Listener);
      for (const message of heard) if (message.type === topic) fn(message as never);
      return () => set.delete(fn as Listener);
    },
    receive(message) {
      const place = order.take(message.seq, message.type === "tick");
      if (place === "repeat") return;
      if (!NOT_KEPT.has(message.type)) heard.splice(0, heard.push(message) - KEPT);
      for (const fn of listeners.get(message.type) ?? []) fn(message as never);
      if (place === "gap") resync();
    },
  };
}
