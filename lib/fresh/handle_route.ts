// Runs one matched route: folder middlewares (outermost first), then the
// method's handler or, for GET without one, the page with `data: undefined`.
import type { Context } from "hono";
import { h } from "preact";
import { HttpError } from "./http_error.ts";
import type { Island } from "./islands.ts";
import { page, PageResult } from "./page.ts";
import { renderDocument } from "./render.tsx";
import type { Route, RouteTable } from "./routes.ts";
import type { Method, RouteContext } from "./types.ts";

/** What rendering needs besides the request: app shell, error page, islands. */
export interface Site {
  table: RouteTable;
  islands: readonly Island[];
}

/** Allowed methods of a route module, for 405's `Allow` header. */
function allowedMethods(route: Route): string[] {
  const methods = new Set(Object.keys(route.module.handler ?? {}));
  if (route.module.default) methods.add("GET");
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods];
}

export async function handleRoute<S>(
  route: Route,
  c: Context,
  state: S,
  site: Site,
): Promise<Response> {
  const ctx: RouteContext<S> = {
    req: c.req.raw,
    url: new URL(c.req.url),
    params: c.req.param() as Record<string, string>,
    state,
    hono: c,
  };
  const dispatch = async (): Promise<Response> => {
    const mod = route.module;
    const method = (ctx.req.method === "HEAD" ? "GET" : ctx.req.method) as Method;
    const fn = mod.handler?.[method];
    const result = fn
      ? await fn(ctx as RouteContext<unknown>)
      : method === "GET" && mod.default
      ? page(undefined)
      : null;
    if (result === null) {
      const allow = allowedMethods(route).join(", ");
      throw new HttpError(
        405,
        "method_not_allowed",
        `${ctx.req.method} not allowed`,
        { allow },
      );
    }
    if (!(result instanceof PageResult)) return result;
    const Page = mod.default;
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
    const html = renderDocument({
      app: site.table.app,
      page: () => h(Page, props),
      url: ctx.url,
      state: ctx.state,
      islands: site.islands,
    });
    return htmlResponse(html, result.status, result.headers);
  };
  // Folder middlewares wrap the handler, outermost first.
  const run = (i: number): Promise<Response> => {
    const mw = route.middlewares[i];
    return mw ? Promise.resolve(mw(ctx as RouteContext<unknown>, () => run(i + 1))) : dispatch();
  };
  return await run(0);
}

export function htmlResponse(
  html: string,
  status: number,
  headers?: HeadersInit,
): Response {
  const res = new Response(html, { status, headers });
  res.headers.set("content-type", "text/html; charset=utf-8");
  return res;
}
