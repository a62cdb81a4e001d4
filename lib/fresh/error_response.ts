// The single error path: JSON `{ error: { code, message } }` (plus any details) under /api/,
// from a route that says it is for programs (`config.json`) or to a request that asks for
// JSON, otherwise `routes/_error.tsx` inside the app shell.
// Unknown errors are logged and reported as a generic 500 so internals never leak.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { h } from "preact";
import { backPage } from "./back_page.ts";
import { htmlResponse, type Site } from "./handle_route.ts";
import { HttpError } from "./http_error.ts";
import { DefaultError, renderDocument } from "./render.tsx";
import type { Route } from "./routes.ts";

export const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

/** A route for programs, not people: under /api/, or one that says so (`config.json`). */
export const forPrograms = (path: string, route?: Route) => isApi(path) || !!route?.module.config?.json;

/** The route run for a request, and the state its middlewares set. */
export interface RouteRun<S> {
  route: Route;
  state: S;
}

/** A page's script posting its form asks for the JSON answer (`Accept: application/json`), not the page. */
export const asksJson = (req: Request) => /\bapplication\/json\b/i.test(req.headers.get("accept") ?? "");

export async function errorResponse<S>(
  err: Error,
  c: Context,
  /** The route run and what its middlewares set, if one was; else `rootState` is asked. */
  run: RouteRun<S> | undefined,
  site: Site,
  rootState: (c: Context) => Promise<S>,
): Promise<Response> {
  let e: HttpError;
  if (err instanceof HttpError) e = err;
  else if (err instanceof HTTPException) {
    e = new HttpError(err.status, "http_error", err.message);
  } else {
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    e = new HttpError(500, "internal", "Internal server error");
  }
  const headers = new Headers(e.headers);
  // A refusal is for its asker, now: no cache keeps it (a signed-in 404 shows their name).
  if (!headers.has("cache-control")) headers.set("cache-control", "private, no-store");
  if (forPrograms(c.req.path, run?.route) || asksJson(c.req.raw)) {
    headers.set("content-type", "application/json; charset=utf-8");
    const body = JSON.stringify({
      error: { ...e.details, code: e.code, message: e.message },
    });
    return new Response(body, { status: e.status, headers });
  }
  try {
    // A form's page to go back to: only by a route's own, and never a path a browser reads
    // as another site's ("//evil.example").
    const url = new URL(c.req.url);
    const page = c.req.method === "POST" && run &&
      backPage(run.route, site.table.routes, url.pathname, e.status);
    const back = page && !/^\/[/\\]/.test(page) ? page : null;
    const asker = run?.state ?? await rootState(c);
    const props = { status: e.status, code: e.code, message: e.message, back, url, state: asker };
    const ErrorPage = site.table.error ?? DefaultError;
    const html = renderDocument({
      app: site.table.app,
      page: () => h(ErrorPage, props),
      url,
      state: asker,
      islands: site.islands,
      scripts: site.scripts?.(),
    });
    return htmlResponse(html, e.status, headers);
  } catch (renderErr) {
    console.error("rendering the error page failed:", renderErr);
    return new Response(`${e.status} ${e.message}`, {
      status: e.status,
      headers,
    });
  }
}
