// Server rendering with islands. While our (synchronous) renderToString runs,
// a preact `options.vnode` hook swaps every island vnode for a marker that
// renders `<sf-island>` around the island's server HTML and records its props;
// the hook is removed again before render() returns.
import {
  type ComponentChildren,
  type ComponentType,
  createContext,
  Fragment,
  h,
  options,
  type VNode,
} from "preact";
import { useContext } from "preact/hooks";
import { renderToString } from "preact-render-to-string";
import { inertJson, plainJson } from "./island_props.ts";
import type { Island } from "./islands.ts";
import type { AppProps, ErrorPageProps } from "./types.ts";

interface Recorded {
  name: string;
  props: unknown;
  start?: true;
}

// What pages put in the document's head while render() runs (<Head>), else null.
let heads: ComponentChildren[] | null = null;

/**
 * Puts its children in the document's `<head>` (a page's `<title>` replaces the shell's),
 * as Fresh's `<Head>` does. Renders nothing where it stands, and nothing in the browser.
 */
export function Head({ children }: { children: ComponentChildren }): null {
  heads?.push(children);
  return null;
}

// Islands nested inside another island hydrate as part of the outer one.
const InsideIsland = createContext(false);

/**
 * Where a page's island files are served (`/_islands/`, or its own bundle's folder there),
 * and those a page with these islands runs first (bundle_graph.ts), to preload them all at once.
 */
export interface IslandScripts {
  base: string;
  first: (islands: string[]) => string[];
}

/**
 * Renders a full HTML document; adds the islands blob and the islands' starters or else
 * the boot script only if needed, and `<link rel="modulepreload">` for every file they run first,
 * so the browser fetches them in parallel as soon as the head arrives instead of one
 * import after another.
 */
// deno-lint-ignore no-explicit-any
export function render(vnode: VNode<any>, islands: readonly Island[], files?: IslandScripts): string {
  const { mark, recorded } = islandMarker(islands);
  // Vnodes created before render() (e.g. JSX passed in) never hit the hook.
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object" || !("props" in node)) return;
    const children = (node as VNode<{ children?: unknown }>).props.children;
    mark(node as VNode);
    visit(children);
  };
  visit(vnode);
  const previous = options.vnode;
  options.vnode = (v) => {
    mark(v);
    previous?.(v);
  };
  let html: string;
  const headed: ComponentChildren[] = heads = [];
  try {
    html = "<!DOCTYPE html>" + renderToString(vnode);
  } finally {
    options.vnode = previous;
    heads = null;
  }
  html = withHead(html, headed);
  if (recorded.length === 0) return html;

  const base = files?.base ?? "/_islands/";
  const links = (files?.first([...new Set(recorded.map((r) => r.name))]) ?? [])
    .map((file) => `<link rel="modulepreload" href="${base}${file}">`).join("");
  const head = html.indexOf("</head>");
  if (head !== -1) html = html.slice(0, head) + links + html.slice(head);
  // A page with starters boots through them (their entries run the boot), else through boot.js.
  const starters = [...new Set(recorded.filter((r) => r.start).map((r) => `${r.name}.start`))];
  const entries = (starters.length ? starters : ["boot"])
    .map((name) => `<script type="module" src="${base}${name}.js"></script>`).join("");
  const scripts = `<script type="application/json" id="sf-islands">${inertJson(recorded)}</script>${entries}`;
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + scripts : html.slice(0, at) + scripts + html.slice(at);
}

/** `html` with what pages gave `<Head>` at the end of its head, their `<title>` in place of the shell's. */
function withHead(html: string, head: ComponentChildren[]): string {
  if (!head.length) return html;
  const extra = renderToString(h(Fragment, null, head));
  if (extra.includes("<title>")) html = html.replace(/<title>[^<]*<\/title>/, "");
  const at = html.indexOf("</head>");
  return at === -1 ? html : html.slice(0, at) + extra + html.slice(at);
}

/**
 * `mark` turns an island's vnode into a marker that renders `<sf-island>` around the
 * island's HTML and records its props in `recorded` (in page order).
 */
function islandMarker(islands: readonly Island[]): { mark: (v: VNode) => void; recorded: Recorded[] } {
  const names = new Map<unknown, string>(islands.map((i) => [i.component, i.name]));
  const started = new Set(islands.filter((i) => i.starter).map((i) => i.name));
  const recorded: Recorded[] = [];
  let bypass = false;

  function IslandMarker(
    { island, name, props }: {
      island: ComponentType<Record<string, unknown>>;
      name: string;
      props: Record<string, unknown>;
    },
  ) {
    bypass = true;
    const inner = h(island, props);
    bypass = false;
    if (useContext(InsideIsland)) return inner;
    if (props.children !== undefined) {
      throw new TypeError(`island ${name}: children props are not supported`);
    }
    const index = recorded.push({
      name,
      props: plainJson(props, name, "props"),
      ...(started.has(name) && { start: true as const }),
    }) - 1;
    return h(
      "sf-island",
      { "data-island": name, "data-index": String(index), style: "display:contents" },
      h(InsideIsland.Provider, { value: true }, inner),
    );
  }

  const mark = (v: VNode) => {
    const name = bypass ? undefined : names.get(v.type);
    if (name === undefined) return;
    const island = v.type;
    (v as { type: unknown }).type = IslandMarker;
    (v as { props: unknown }).props = { island, name, props: v.props };
  };
  return { mark, recorded };
}

/** The shell used when the project has no `routes/_app.tsx`. */
export function DefaultApp({ Component }: AppProps<unknown>): VNode {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body>
        <Component />
      </body>
    </html>
  );
}

/** Renders `component` wrapped in the app shell (`_app.tsx` or DefaultApp). */
export function renderDocument<S>(opts: {
  app?: ComponentType<AppProps<S>>;
  page: () => ComponentChildren;
  url: URL;
  state: S;
  islands: readonly Island[];
  scripts?: IslandScripts;
}): string {
  const App = (opts.app ?? DefaultApp) as ComponentType<AppProps<S>>;
  return render(
    h(App, {
      Component: opts.page as ComponentType,
      url: opts.url,
      state: opts.state,
    }),
    opts.islands,
    opts.scripts,
  );
}

/** Used when the project has no `routes/_error.tsx`. */
export function DefaultError({ status, message }: ErrorPageProps<unknown>): VNode {
  return (
    <main>
      <h1>{status}</h1>
      <p>{message}</p>
    </main>
  );
}
