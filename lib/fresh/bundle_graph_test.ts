import { closureOf, firstScripts, pageScripts, withEagerStarters } from "./bundle_graph.ts";
import { assertEquals } from "./test_utils.ts";

const files = new Map(
  Object.entries({
    "boot.js": 'import{h}from"./chunk-A.js";import(`/_islands/${name}.js`);import("./hydrate-H.js");',
    "hydrate-H.js": 'import{h}from"./chunk-A.js";export const hydrate=6;',
    "Player.js": 'import{a}from"./chunk-B.js";import"./chunk-A.js";',
    "Chat.js": 'import { b } from "./chunk-A.js";',
    "chunk-A.js": "export const h=1;",
    "chunk-B.js": 'import{h}from"./chunk-A.js";export const a=2;',
    "chunk-C.js": "export const studioOnly=3;",
    "Player.start.js": 'import{d}from"./chunk-D.js";import{boot}from"./chunk-E.js";',
    "chunk-D.js": "export const d=4; export const livekit='a large library, the largest file';",
    "chunk-E.js": "export const boot=5;",
  }).map(([name, code]) => [name, new TextEncoder().encode(code)]),
);

Deno.test("closureOf() follows static imports once each; dynamic imports are left for later", () => {
  assertEquals(closureOf(files, ["Player.js"]), ["Player.js", "chunk-B.js", "chunk-A.js"]);
});

Deno.test("pageScripts() is the page's boot (its starters, else boot.js) and islands with their chunks, and nothing without islands", () => {
  // The file the boot imports by name as islands wake counts; an island's own import names none.
  assertEquals(pageScripts(files, ["Chat"]), ["boot.js", "chunk-A.js", "hydrate-H.js", "Chat.js"]);
  assertEquals(pageScripts(files, ["Chat", "Player"]), [
    "Player.start.js",
    "chunk-D.js",
    "chunk-E.js",
    "Chat.js",
    "chunk-A.js",
    "Player.js",
    "chunk-B.js",
  ]);
  assertEquals(pageScripts(files, []), []);
});

Deno.test("firstScripts() is the starters' files when the page has starters, else every script, largest first", () => {
  // Over HTTP/1.1 a small file waits for one of the browser's six connections, not the largest.
  assertEquals(firstScripts(files, ["Chat", "Player"]), ["chunk-D.js", "Player.start.js", "chunk-E.js"]);
  assertEquals(firstScripts(files, ["Chat"]), ["boot.js", "hydrate-H.js", "Chat.js", "chunk-A.js"]);
});

Deno.test("withEagerStarters() marks the starters' files for eager compilation, at their very top, and no other", () => {
  const marked = withEagerStarters(files);
  const eager = [...marked].filter(([, code]) =>
    new TextDecoder().decode(code).startsWith("//# allFunctionsCalledOnLoad\n")
  );
  assertEquals(eager.map(([name]) => name).sort(), ["Player.start.js", "chunk-D.js", "chunk-E.js"]);
  const start = new TextDecoder().decode(marked.get("Player.start.js"));
  assertEquals(
    start,
    `//# allFunctionsCalledOnLoad\n${new TextDecoder().decode(files.get("Player.start.js"))}`,
  );
  assertEquals(marked.get("chunk-A.js"), files.get("chunk-A.js"));
});
