// The app: Hono with security headers, static files, island bundles, the
// file-system routes and one error handler (JSON under /api/, pages elsewhere).
import { type Context, Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import {
  type BundleAssets,
  bundleAssets,
  type BundleFiles,
  bundleIslands,
  bundleResponse,
  rawFiles,
  readBundle,
} from "./bundle.ts";
import { firstScripts } from "./bundle_graph.ts";
import { compression } from "./compress.ts";
import { limitBody } from "./body_size.ts";
import { BODY_TIME, type BodyTime, timeBody } from "./body_time.ts";
import { HttpError } from "./http_error.ts";
import { errorResponse, type RouteRun } from "./error_response.ts";
import { handleRoute, routeContext, runMiddlewares, type Site } from "./handle_route.ts";
import { bundleNames, groupFolder, islandsOf } from "./island_groups.ts";
import { loadIslands } from "./islands.ts";
import { PageTemplates } from "./page_templates.ts";
import { rootUrl } from "./root_url.ts";
import { scanRoutes } from "./routes.ts";
import { headAnswer, sendable } from "./sendable.ts";
import { staticFiles } from "./static_files.ts";

export interface AppOptions<S> {
  /** Project root holding `routes/`, `islands/`, `static/` (and `_fresh/`). */
  root: string | URL;
  /** Dev: always bundle islands in memory, unminified. Prod: use `_fresh/islands/` if built. */
  dev?: boolean;
  /** Fresh per-request state; middleware fills it in. */
  initState?: (req: Request) => S;
  /** Turns the app's own errors into HttpErrors; anything it leaves is a 500 (or Hono's own). */
  mapError?: (error: Error) => HttpError | undefined;
  /** Runs each page's (synchronous) render, to set what it reads of the request (the reader's time zone). */
  renderWith?: (state: S, render: () => string) => string;
  /** Where pages may connect (fetch, WebSocket) besides their own origin. */
  connectSrc?: string[];
  /** How long a request body may take to arrive: BODY_TIME unless a test wants it shorter. */
  bodyTime?: BodyTime;
}

export interface App {
  /** Serves one request; `info` (from Deno.serve) tells who is on the other end of the connection. */
  fetch: (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response>;
  hono: Hono;
}

/**
 * Body limit of every route, pages and forms included: counted while the body streams in,
 * so a huge upload is a 413 before it fills memory (./body_size.ts). A route module may set
 * its own with `export const config = { bodyLimit }`.
 */
export const BODY_LIMIT = 64 * 1024;

function csp(connectSrc: string[]) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    mediaSrc: ["'self'", "blob:"],
    connectSrc: ["'self'", ...connectSrc],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  };
}

export async function createApp<S = Record<string, unknown>>(
  options: AppOptions<S>,
): Promise<App> {
  const root = rootUrl(options.root);
  const dev = options.dev ?? false;
  const initState = options.initState ?? (() => ({}) as S);
  const table = await scanRoutes(new URL("routes/", root));
  const islands = await loadIslands(new URL("islands/", root));
  // Production serves what `deno task build` made. A page's own bundle needs the module
  // graph (island_groups.ts), which production may not read: without the build's, the page
  // loads the bundle of all islands.
  const bundles = new Map<string, BundleAssets>();
  for (const name of islands.length ? bundleNames(table.routes) : []) {
    const built = !dev && await readBundle(new URL(`_fresh/islands/${groupFolder(name)}`, root));
    if (built) bundles.set(name, built);
    else if (dev || !name) {
      const members = await islandsOf(name, table.routes, islands);
      bundles.set(name, await bundleAssets(await bundleIslands(members, { minify: !dev })));
    }
  }
  const scripts = new Map([...bundles].map(([name, files]) => [name, scriptsOf(name, files)]));
  // Lets error pages see the route and the state set by middleware before the failure.
  const runs = new WeakMap<Context, RouteRun<S>>();
  const site: Site = {
    table,
    islands,
    scripts: (route) => scripts.get(route?.module.config?.bundle ?? "") ?? scripts.get(""),
    templates: new PageTemplates(),
    renderWith: options.renderWith as Site["renderWith"],
  };

  const hono = new Hono();
  hono.use(
    secureHeaders({
      contentSecurityPolicy: csp(options.connectSrc ?? []),
      xFrameOptions: "DENY",
      // Chromium keys agent clusters by origin already (no document.domain) and the other
      // browsers ignore this header; its explicit hint makes Chromium start another process
      // for each arrival once the response is in (~60 ms before first paint here).
      originAgentCluster: false,
    }),
  );
  hono.use(await staticFiles(new URL("static/", root)));
  const served = (c: Context, bundle = "") => {
    const files = bundles.get(bundle);
    return (files && bundleResponse(c.req.raw, files, c.req.param("file")!)) ?? notFound();
  };
  hono.get("/_islands/:file", (c) => served(c));
  hono.get("/_islands/:bundle/:file", (c) => served(c, c.req.param("bundle")));
  // After the files above, which come compressed already: pages and JSON.
  hono.use(compression());

  for (const route of table.routes) {
    const run = (c: Context) => {
      const state = initState(c.req.raw);
      runs.set(c, { route, state });
      return handleRoute(route, c, state, site);
    };
    const limit = route.module.config?.bodyLimit ?? BODY_LIMIT;
    hono.all(route.pattern, timeBody(options.bodyTime ?? BODY_TIME), limitBody(limit), run);
  }

  // A request no route was run for (a path none has, a body too large for its route) still
  // gets the state the root middlewares give, so its error page knows who asks: a signed-in
  // seller's mistyped address has their header. A guard refusing it is not said: the error is.
  const rootState = async (c: Context) => {
    const state = initState(c.req.raw);
    await runMiddlewares(table.middlewares, routeContext(c, state), () => Promise.resolve(new Response()))
      .catch(() => {});
    return state;
  };
  hono.notFound((c) => errorResponse(notFoundError(), c, runs.get(c), site, rootState));
  hono.onError((err, c) => errorResponse(options.mapError?.(err) ?? err, c, runs.get(c), site, rootState));

  return { fetch: async (req, info) => sendable(req, headAnswer(req, await hono.fetch(req, info))), hono };
}

/** Where a bundle's files are served, and those a page runs first. */
const scriptsOf = (name: string, files: BundleAssets) => ({
  base: `/_islands/${groupFolder(name)}`,
  first: preloader(rawFiles(files)),
});

/** The files a set of islands runs first, worked out once per set (pages have a handful of sets). */
function preloader(files: BundleFiles): (islands: string[]) => string[] {
  const known = new Map<string, string[]>();
  return (islands: string[]) => {
    const key = [...islands].sort().join(",");
    if (!known.has(key)) known.set(key, firstScripts(files, islands));
    return known.get(key)!;
  };
}

const notFoundError = () => new HttpError(404, "not_found", "Not found");
function notFound(): never {
  throw notFoundError();
}
