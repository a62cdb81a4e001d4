import { assertEquals } from "@/tests/assert.ts";
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
