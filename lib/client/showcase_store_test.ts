import { signal } from "@preact/signals";
import { assertEquals } from "@/tests/assert.ts";
import type { MessageOf } from "@/lib/contract/messages.ts";
import { follow } from "./live_state.ts";
import { showcaseRules, type ViewerShowcase } from "./showcase_store.ts";

const shirt = { id: "p1", name: "Linen shirt", priceMinor: 4900, currency: "EUR", stock: 3, imageUrl: null };
const showing = (highlight: typeof shirt | null, version: string): ViewerShowcase => ({
  pins: [shirt],
  highlight,
  sale: null,
  offset: 0,
  version,
});
// The message is made (its clock read) before its commit; `version` is the commit's.
const highlighted = (version: string): MessageOf<"highlight"> => ({
  v: 1,
  type: "highlight",
  product: shirt,
  sale: null,
  serverNow: "2026-11-27T10:00:00.000Z",
  version,
});

/** The viewer's showcase, following a room whose highlight messages the test delivers. */
function viewer(fetched: ViewerShowcase) {
  const heard = new Map<string, (message: unknown) => void>();
  const room = {
    on: (topic: string, fn: (message: unknown) => void) => (heard.set(topic, fn), () => {}),
    onResync: () => () => {},
  };
  const state = signal(showing(null, "00000000000000010000"));
  const rules = { ...showcaseRules("s1"), refetch: () => Promise.resolve(fetched) };
  const following = follow(state, rules, signal(""), room as never);
  return {
    state,
    following,
    tell: (message: MessageOf<"pins" | "highlight">) => heard.get(message.type)!(message),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

// A fetch read between the highlight's message being made and its commit holds no
// highlight, yet was read after the message's clock: only the commit orders the two.
Deno.test("the viewer's showcase takes a highlight committed after a fetch that arrived first", async () => {
  const { state, following, tell } = viewer(showing(null, "00000000000000030000"));
  following.refetch();
  await settle();
  tell(highlighted("00000000000000040000"));
  assertEquals(state.value.highlight, shirt);
  following.stop();
});

Deno.test("the viewer's showcase keeps a highlight over a fetch read before its commit", async () => {
  const { state, following, tell } = viewer(showing(null, "00000000000000030000"));
  tell(highlighted("00000000000000040000"));
  following.refetch();
  await settle();
  assertEquals(state.value.highlight, shirt);
  following.stop();
});

Deno.test("the viewer's showcase drops a highlight message its fetched state already passed", async () => {
  const { state, following, tell } = viewer(showing(null, "00000000000000050000"));
  following.refetch();
  await settle();
  tell(highlighted("00000000000000040000"));
  assertEquals(state.value.highlight, null);
  following.stop();
});

// Two changes made at once (two studio tabs on two app processes): the one made first may
// commit last, and is sent first. Each part keeps its own order.
Deno.test("the viewer's showcase takes pins committed before a highlight it heard first", () => {
  const { state, following, tell } = viewer(showing(null, "00000000000000010000"));
  tell(highlighted("00000000000000060000"));
  tell({ v: 1, type: "pins", products: [], version: "00000000000000050000" });
  assertEquals(state.value.highlight, shirt);
  assertEquals(state.value.pins, []);
  following.stop();
});
