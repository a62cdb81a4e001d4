import { assert, assertEquals } from "@/tests/assert.ts";
import { block, cluster, recording } from "@/tests/fixtures/webm.ts";
import { headPath } from "./files.ts";
import { readServed, served } from "./seekable.ts";

Deno.test("served() reads a final WebM take once for its head, and again only if it has grown", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/take.webm`;
    const take = recording(cluster(0, block(2, 0, true)), cluster(1_000, block(2, 0, true)));
    await Deno.writeFile(path, take);
    const raw = { head: new Uint8Array(0), from: 0, size: take.length };
    assertEquals(
      await served(path, "video/webm", take.length, false),
      raw,
      "as recorded while parts may come",
    );
    assert(!await Deno.stat(headPath(path)).catch(() => null), "nothing built");
    const first = await served(path, "video/webm", take.length, true);
    assert(first.head.length > 0 && first.from > 0);
    assertEquals(first.size, first.head.length + take.length - first.from);

    await Deno.writeFile(path, new Uint8Array(take.length));
    assertEquals(
      await served(path, "video/webm", take.length, true),
      first,
      "the saved head, not the take read again",
    );
    const grown = recording(
      cluster(0, block(2, 0, true)),
      cluster(1_000, block(2, 0, true)),
      cluster(2_500, block(2, 0, true)),
    );
    await Deno.writeFile(path, grown);
    const again = await served(path, "video/webm", grown.length, true);
    assert(again.head.length > first.head.length, "a cue more");

    assertEquals(await served(path, "video/mp4", grown.length, true), {
      head: new Uint8Array(0),
      from: 0,
      size: grown.length,
    });
    assert(await Deno.stat(headPath(path)), "saved beside the take");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("readServed() answers every byte range of a new head spliced onto a file's clusters", async () => {
  const path = await Deno.makeTempFile();
  try {
    const text = new TextEncoder();
    await Deno.writeFile(path, text.encode("oldCLUSTERS"));
    const served = { head: text.encode("HEAD+"), from: 3, size: 13 };
    const whole = "HEAD+CLUSTERS";
    for (let start = 0; start < whole.length; start++) {
      for (let end = start; end < whole.length; end++) {
        const body = await readServed(path, served, start, end);
        assertEquals(await new Response(body).text(), whole.slice(start, end + 1), `${start}-${end}`);
      }
    }
    await Deno.remove(path);
    assertEquals(await readServed(path, served, 0, 12), null, "the file is gone");
    assertEquals(
      await new Response(await readServed(path, served, 0, 4)).text(),
      "HEAD+",
      "the head alone needs no file",
    );
  } finally {
    await Deno.remove(path).catch(() => {});
  }
});
