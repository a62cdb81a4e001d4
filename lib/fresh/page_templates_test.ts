import { gunzipSync } from "node:zlib";
import { hole, PageTemplates } from "./page_templates.ts";
import { assertEquals, assertThrows } from "./test_utils.ts";

const page = (ticket: string, name: string) =>
  `<p>${name}</p><script type="application/json">{"token":"${ticket}"}</script>`;

Deno.test("a kept page is rendered once and filled per request, as HTML and as gzip", () => {
  const templates = new PageTemplates();
  let renders = 0;
  const render = () => (renders++, page(hole("ticket"), hole("name")));
  const fill = (ticket: string, name: string) =>
    templates.fill({ key: "stream-1", fill: { ticket, name: { text: name } } }, render);

  const ada = fill("aaa.bbb-ccc_1", "Ada");
  const bo = fill("ddd.eee", `Bo <script>"'&`);
  assertEquals(renders, 1);
  assertEquals(ada.html(), page("aaa.bbb-ccc_1", "Ada"));
  assertEquals(bo.html(), page("ddd.eee", "Bo &#60;script&#62;&#34;&#39;&#38;"));
  assertEquals(new TextDecoder().decode(gunzipSync(bo.gzip())), bo.html());
  // Another key (another stream, another cart) is another render.
  templates.fill({ key: "stream-2", fill: { ticket: "x", name: { text: "Cy" } } }, render);
  assertEquals(renders, 2);
});

Deno.test("a page template refuses plain values that would need escaping, and text holes inside a script", () => {
  const templates = new PageTemplates();
  assertThrows(
    () => templates.fill({ key: "a", fill: { ticket: `"</script>` } }, () => hole("ticket")),
    /escaping/,
  );
  assertThrows(
    () => templates.fill({ key: "b", fill: { ticket: { text: "Ada" } } }, () => page(hole("ticket"), "x")),
    /inside a script/,
  );
  assertThrows(() => templates.fill({ key: "c", fill: {} }, () => hole("ticket")), /no value/);
});

Deno.test("page templates keep the most recently used, up to their limit", () => {
  const templates = new PageTemplates(2);
  let renders = 0;
  const use = (key: string) => templates.fill({ key, fill: {} }, () => (renders++, key)).html();
  ["a", "b", "a", "c", "a", "b"].forEach(use);
  // "b" was dropped when "c" came (the least recently used), so it was rendered again.
  assertEquals(renders, 4);
});
