import { assert, assertEquals } from "@/tests/assert.ts";
import { addViewer, getViewerCount, listViewerNames, removeViewer, type ViewerCount } from "./viewers.ts";

const counts = ({ current, peak }: ViewerCount) => ({ current, peak });

Deno.test("racing joins and leaves keep the count equal to the viewer set, and the peak at its highest", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const viewers = Array.from(
      { length: 20 },
      (_, i) => ({ identity: `guest-${i}`, name: `V${i}`, sid: `PA_${i}` }),
    );
    await Promise.all(viewers.map((v) => addViewer(kv, "s1", v)));
    assertEquals(counts(await getViewerCount(kv, "s1")), { current: 20, peak: 20 });
    await Promise.all(viewers.slice(0, 15).map((v) => removeViewer(kv, "s1", v)));
    assertEquals(counts(await getViewerCount(kv, "s1")), { current: 5, peak: 20 });
    assertEquals((await listViewerNames(kv, "s1")).length, 5);
    assertEquals(await removeViewer(kv, "s1", viewers[0]!), null, "a repeated leave changes nothing");
    assertEquals(await addViewer(kv, "s1", viewers[19]!), null, "a repeated join changes nothing");
    assertEquals(await listViewerNames(kv, "s1", { limit: 2 }), ["V15", "V16"]);
  } finally {
    kv.close();
  }
});

Deno.test("racing joins with seats count no more than the cap, nor than an address's share; a leave frees its seat", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const seats = { cap: 4, share: 2 };
    const from = (address: string, i: number) => ({
      identity: `${address}-${i}`,
      name: "V",
      sid: `PA_${i}`,
      address,
    });
    const one = Array.from({ length: 5 }, (_, i) => from("10.9.9.9", i));
    const joined = await Promise.all(one.map((v) => addViewer(kv, "s1", v, seats)));
    assertEquals(joined.filter((r) => r === "full").length, 3, "two seats for 10.9.9.9");
    const seated = one.filter((_, i) => joined[i] !== "full");
    assertEquals(
      await addViewer(kv, "s1", { ...seated[0]!, sid: "PA_tab2" }, seats),
      null,
      "another tab gets in",
    );
    const others = Array.from({ length: 4 }, (_, i) => from(`10.8.8.${i}`, i));
    const more = await Promise.all(others.map((v) => addViewer(kv, "s1", v, seats)));
    assertEquals(more.filter((r) => r === "full").length, 2, "two more seats under the cap");
    assertEquals(counts(await getViewerCount(kv, "s1")), { current: 4, peak: 4 });
    const waiting = one.find((v) => !seated.includes(v))!;
    await removeViewer(kv, "s1", others.find((_, i) => more[i] !== "full")!);
    assertEquals(
      await addViewer(kv, "s1", waiting, seats),
      "full",
      "a seat under the cap, but not 10.9.9.9's",
    );
    await removeViewer(kv, "s1", seated[1]!);
    assert(await addViewer(kv, "s1", waiting, seats) !== "full", "one of 10.9.9.9's seats came free");
    assertEquals(counts(await getViewerCount(kv, "s1")), { current: 3, peak: 4 });
  } finally {
    kv.close();
  }
});
