import { closureOf, firstScripts, pageScripts } from "./bundle_graph.ts";
import { assertEquals } from "./test_utils.ts";

const files = new Map(
  Object.entries({
    "boot.js": 'import{h}from"./chunk-A.js";import(`/_islands/${name}.js`);',
    "Player.js": 'import{a}from"./chunk-B.js";import"./chunk-A.js";',
    "Chat.js": 'import { b } from "./chunk-A.js";',
    "chunk-A.js": "export const h=1;",
    "chunk-B.js": 'import{h}from"./chunk-A.js";export const a=2;',
    "chunk-C.js": "export const studioOnly=3;",
    "Player.start.js": 'import{d}from"./chunk-D.js";',
    "chunk-D.js": "export const d=4;",
  }).map(([name, code]) => [name, new TextEncoder().encode(code)]),
);

Deno.test("closureOf() follows static imports once each; dynamic imports are left for later", () => {
  assertEquals(closureOf(files, ["Player.js"]), ["Player.js", "chunk-B.js", "chunk-A.js"]);
});

Deno.test("pageScripts() is the starters, boot.js and the page's islands with their chunks, and nothing without islands", () => {
  assertEquals(pageScripts(files, ["Chat"]), ["boot.js", "chunk-A.js", "Chat.js"]);
  assertEquals(pageScripts(files, ["Chat", "Player"]), [
    "Player.start.js",
    "chunk-D.js",
    "boot.js",
    "chunk-A.js",
    "Chat.js",
    "Player.js",
    "chunk-B.js",
  ]);
  assertEquals(pageScripts(files, []), []);
});

Deno.test("firstScripts() is the starters and boot.js when the page has starters, else every script", () => {
  assertEquals(firstScripts(files, ["Chat", "Player"]), [
    "Player.start.js",
    "chunk-D.js",
    "boot.js",
    "chunk-A.js",
  ]);
  assertEquals(firstScripts(files, ["Chat"]), pageScripts(files, ["Chat"]));
});
