// Runs one matched route: folder middlewares (outermost first), then the
// method's handler or, for GET without one, the page with `data: undefined`.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { h } from "preact";
import { accepts } from "./compress.ts";
import { forPrograms } from "./error_response.ts";
import { HttpError } from "./http_error.ts";
import type { Island } from "./islands.ts";
import { page, PageResult } from "./page.ts";
import type { PageTemplates } from "./page_templates.ts";
import { type IslandScripts, renderDocument } from "./render.tsx";
import type { Route, RouteTable } from "./routes.ts";
import type { Method, Middleware, RouteContext } from "./types.ts";

/** What rendering needs besides the request: app shell, error page, islands. */
export interface Site {
  table: RouteTable;
  islands: readonly Island[];
  /** The island files of a route's page (its own bundle, or all islands'); of an error page without one. */
  scripts?: (route?: Route) => IslandScripts | undefined;
  /** Renders kept for pages that say how to reuse them. */
  templates: PageTemplates;
  /** Runs each page's render (AppOptions.renderWith). */
  renderWith?: (state: unknown, render: () => string) => string;
}

/** Allowed methods of a route module, for 405's `Allow` header. */
function allowedMethods(route: Route): string[] {
  const methods = new Set(Object.keys(route.module.handler ?? {}));
  if (route.module.default) methods.add("GET");
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods];
}

/** What a route's middlewares and handler are given of the request. */
export function routeContext<S>(c: Context, state: S): RouteContext<S> {
  return {
    req: c.req.raw,
    url: new URL(c.req.url),
    params: c.req.param() as Record<string, string>,
    state,
    remoteAddress: remoteAddressOf(c),
    hono: c,
  };
}

/** Runs `middlewares` around `inner`, outermost first. */
export function runMiddlewares<S>(
  middlewares: Middleware<unknown>[],
  ctx: RouteContext<S>,
  inner: () => Promise<Response>,
): Promise<Response> {
  const run = (i: number): Promise<Response> => {
    const mw = middlewares[i];
    return mw ? Promise.resolve(mw(ctx as RouteContext<unknown>, () => run(i + 1))) : inner();
  };
  return run(0);
}

export async function handleRoute<S>(
  route: Route,
  c: Context,
  state: S,
  site: Site,
): Promise<Response> {
  const ctx = routeContext(c, state);
  const dispatch = async (): Promise<Response> => {
    const result = await callHandler(route, ctx);
    return result instanceof PageResult ? renderPage(route, result, ctx, site) : result;
  };
  const response = await runMiddlewares(route.middlewares, ctx, dispatch);
  if (ctx.req.method !== "HEAD" || !response.body) return response;
  // Hono answers HEAD with the GET's headers and drops its body unread: a file behind it
  // (a replay) would stay open.
  await response.body.cancel();
  return new Response(null, response);
}

/** The method's handler's answer; for GET without one, the page with `data: undefined`. */
async function callHandler(
  route: Route,
  ctx: RouteContext<unknown>,
): Promise<Response | PageResult<unknown>> {
  const mod = route.module;
  const method = (ctx.req.method === "HEAD" ? "GET" : ctx.req.method) as Method;
  const fn = mod.handler?.[method];
  const result = fn ? await fn(ctx) : method === "GET" && mod.default ? page(undefined) : null;
  if (result === null) {
    const allow = allowedMethods(route).join(", ");
    // A form's target opened by address: said in a person's words, not the protocol's.
    const why = method === "GET" && !forPrograms(ctx.url.pathname, route)
      ? "There is no page at this address: it only takes a form sent from its page"
      : `${ctx.req.method} is not allowed here (use ${allow})`;
    throw new HttpError(405, "method_not_allowed", why, { allow });
  }
  return result;
}

/** The route's default export rendered in the app shell with the handler's data. */
function renderPage(
  route: Route,
  result: PageResult<unknown>,
  ctx: RouteContext<unknown>,
  site: Site,
): Response {
  const Page = route.module.default;
  if (!Page) {
    throw new Error(
      `${route.file.href}: page() returned but no default export`,
    );
  }
  const props = {
    data: result.data,
    url: ctx.url,
    params: ctx.params,
    state: ctx.state,
  };
  const drawn = () =>
    renderDocument({
      app: site.table.app,
      page: () => h(Page, props),
      url: ctx.url,
      state: ctx.state,
      islands: site.islands,
      scripts: site.scripts?.(route),
    });
  const render = () => site.renderWith ? site.renderWith(ctx.state, drawn) : drawn();
  if (!result.reuse) return htmlResponse(render(), result.status, result.headers, ctx.hono);
  const filled = site.templates.fill(result.reuse, render);
  if (!accepts(ctx.req.headers.get("accept-encoding"), "gzip") || ctx.req.method === "HEAD") {
    return htmlResponse(filled.html(), result.status, result.headers, ctx.hono);
  }
  const res = htmlResponse(filled.gzip(), result.status, result.headers, ctx.hono);
  res.headers.set("content-encoding", "gzip");
  res.headers.append("vary", "Accept-Encoding");
  return res;
}

/**
 * An HTML response. Given the Hono context, it carries the headers set on it before (a
 * cookie written while the page's data was read), as Hono's own responses do.
 */
export function htmlResponse(
  html: string | Uint8Array<ArrayBuffer>,
  status: number,
  headers?: HeadersInit,
  c?: Context,
): Response {
  const res = c
    ? c.newResponse(html, status as ContentfulStatusCode, Object.fromEntries(new Headers(headers)))
    : new Response(html, { status, headers });
  res.headers.set("content-type", "text/html; charset=utf-8");
  return res;
}

/** The peer's IP address, from the connection info Deno.serve passes as Hono's env. */
function remoteAddressOf(c: Context): string | null {
  const addr = (c.env as Partial<Deno.ServeHandlerInfo<Deno.NetAddr>> | undefined)?.remoteAddr;
  return addr && "hostname" in addr ? addr.hostname : null;
}
