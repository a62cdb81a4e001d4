import { signal } from "@preact/signals";
import Counter from "./testdata/islands/Counter.tsx";
import type { Island } from "./islands.ts";
import { inertJson } from "./island_props.ts";
import { Head, render } from "./render.tsx";
import { assert, assertEquals, assertThrows } from "./test_utils.ts";

const islands: Island[] = [
  {
    name: "Counter",
    url: new URL("./testdata/islands/Counter.tsx", import.meta.url),
    component: Counter,
  },
];
// deno-lint-ignore no-explicit-any
const Loose = Counter as any;
const doc = (body: preact.ComponentChildren) => (
  <html>
    <body>{body}</body>
  </html>
);
function blobOf(html: string): string {
  const m = html.match(
    /<script type="application\/json" id="sf-islands">([\s\S]*?)<\/script>/,
  );
  assert(m, "no islands blob");
  return m[1]!;
}

Deno.test("render() keeps island props containing </script> inert", () => {
  const evil = "</script><script>alert(1)</script><!-- \u2028";
  const html = render(doc(<Counter start={1} label={evil} />), islands);
  const blob = blobOf(html);
  assert(!blob.includes("<"), `raw blob contains "<": ${blob}`);
  assertEquals(JSON.parse(blob), [{
    name: "Counter",
    props: { start: 1, label: evil },
  }]);
  // Exactly one closing tag per script: the evil string never closes the blob.
  assertEquals(html.match(/<\/script>/g)?.length, 2);
});

Deno.test("render() numbers islands in order and records their props", () => {
  const html = render(
    doc([
      <Counter key="a" start={1} />,
      <Counter key="b" start={2} label={undefined} />,
    ]),
    islands,
  );
  assert(html.includes('data-island="Counter" data-index="1"'));
  assertEquals(JSON.parse(blobOf(html)), [
    { name: "Counter", props: { start: 1 } },
    { name: "Counter", props: { start: 2 } },
  ]);
});

Deno.test("render() preloads every file the page's islands load, in the head", () => {
  const page = (
    <html>
      <head>
        <title>t</title>
      </head>
      <body>
        <Counter start={1} />
        <Counter start={2} />
      </body>
    </html>
  );
  const asked: string[][] = [];
  // From the page's own bundle, in its folder.
  const html = render(page, islands, {
    base: "/_islands/watch/",
    first: (names) => (asked.push(names), ["boot.js", "Counter.js", "chunk-A.js"]),
  });
  assertEquals(asked, [["Counter"]], "asked once, for the islands on the page");
  const head = html.slice(0, html.indexOf("</head>"));
  assertEquals([...head.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]), [
    "/_islands/watch/boot.js",
    "/_islands/watch/Counter.js",
    "/_islands/watch/chunk-A.js",
  ]);
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1]);
  assertEquals(scripts, ["/_islands/watch/boot.js"]);
});

Deno.test("render() boots a page through its islands' starters alone, and asks the preloads for every island", () => {
  const Later = (props: { n: number }) => <p>{props.n}</p>;
  const both: Island[] = [{ ...islands[0]!, starter: islands[0]!.url }, {
    name: "Later",
    url: islands[0]!.url,
    component: Later,
  }];
  const asked: string[][] = [];
  const html = render(
    doc([<Counter key="c" start={1} />, <Later key="l" n={2} />, <Counter key="d" start={3} />]),
    both,
    { base: "/_islands/", first: (names) => (asked.push(names), []) },
  );
  assertEquals(asked, [["Counter", "Later"]]);
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1]);
  assertEquals(scripts, ["/_islands/Counter.start.js"], "each starter's entry runs the boot: no boot.js");
});

Deno.test("render() without islands emits no <script and starts with a doctype", () => {
  const html = render(doc(<p>plain</p>), islands);
  assert(
    html.startsWith("<!DOCTYPE html><html>") && !html.includes("<script"),
    html,
  );
});

Deno.test("render() rejects non-JSON island props, naming the island and prop", () => {
  assertThrows(
    () => render(doc(<Loose start={1} onPick={() => {}} />), islands),
    /Counter.*props\.onPick.*function/,
  );
  assertThrows(
    () => render(doc(<Loose start={signal(1)} />), islands),
    /Counter.*props\.start.*instance/,
  );
  assertThrows(
    () => render(doc(<Loose start={1} when={new Date()} />), islands),
    /instance of Date/,
  );
  assertThrows(() => render(doc(<Loose start={NaN} />), islands), /NaN/);
});

Deno.test("render() rejects children passed to an island", () => {
  assertThrows(
    () => render(doc(<Loose start={1}>hi</Loose>), islands),
    /Counter: children/,
  );
});

Deno.test("render() removes its vnode hook afterwards", () => {
  render(doc(<p />), islands);
  // Outside render(), island vnodes are left untouched.
  assertEquals((<Counter start={1} />).type, Counter);
});

Deno.test("inertJson() escapes <, >, & and line separators but round-trips", () => {
  const value = { s: "<!--</script>&\u2028\u2029" };
  assert(!/[<>&\u2028\u2029]/.test(inertJson(value)));
  assertEquals(JSON.parse(inertJson(value)), value);
});

Deno.test("render() marks the islands that have a starter, and only those", () => {
  const html = render(doc(<Counter start={1} />), [{ ...islands[0]!, starter: islands[0]!.url }]);
  assertEquals(JSON.parse(blobOf(html)), [{ name: "Counter", props: { start: 1 }, start: true }]);
  assertEquals(JSON.parse(blobOf(render(doc(<Counter start={1} />), islands))), [
    { name: "Counter", props: { start: 1 } },
  ]);
});

Deno.test("<Head> puts a page's tags in the head, its title in place of the shell's", () => {
  const shell = (body: preact.ComponentChildren) => (
    <html>
      <head>
        <title>Site</title>
      </head>
      <body>{body}</body>
    </html>
  );
  assertEquals(
    render(shell(<p>x</p>), islands),
    "<!DOCTYPE html><html><head><title>Site</title></head><body><p>x</p></body></html>",
  );
  const page = (
    <p>
      <Head>
        <title>Tom &amp; Jo</title>
        <meta name="description" content="About" />
      </Head>
      x
    </p>
  );
  assertEquals(
    render(shell(page), islands),
    '<!DOCTYPE html><html><head><title>Tom &amp; Jo</title><meta name="description" content="About"/></head><body><p>x</p></body></html>',
  );
  const noTitle = (
    <Head>
      <meta name="robots" content="noindex" />
    </Head>
  );
  assert(
    render(shell(noTitle), islands).includes(
      '<title>Site</title><meta name="robots" content="noindex"/></head>',
    ),
  );
});
