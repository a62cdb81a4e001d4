// Shared types for the Fresh-2-style layer. Kept dependency-light so route
// modules can `import type` them without pulling in the server.
import type { Context } from "hono";
import type { ComponentType } from "preact";
import type { PageResult } from "./page.ts";

/** Everything a handler or middleware needs about the current request. */
export interface RouteContext<S = Record<string, unknown>> {
  req: Request;
  url: URL;
  params: Record<string, string>;
  /** Per-request state, created by `initState` and filled by middleware. */
  state: S;
  /** The address at the other end of the connection (a proxy's, behind one); null when unknown. */
  remoteAddress: string | null;
  /** Escape hatch to the underlying Hono context. */
  hono: Context;
}

export type Handler<S = Record<string, unknown>> = (
  ctx: RouteContext<S>,
) =>
  | Response
  | PageResult<unknown>
  | Promise<Response | PageResult<unknown>>;

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type Handlers<S = Record<string, unknown>> = Partial<
  Record<Method, Handler<S>>
>;

/** Props of a route's default (page) component. */
export interface PageProps<D = undefined, S = Record<string, unknown>> {
  data: D;
  url: URL;
  params: Record<string, string>;
  state: S;
}

/** Props of `routes/_app.tsx`: render `<Component />` inside `<body>`. */
export interface AppProps<S = Record<string, unknown>> {
  Component: ComponentType;
  url: URL;
  state: S;
}

/** Props of `routes/_error.tsx`: the error, and the request's URL and state as its page would have had. */
export interface ErrorPageProps<S = Record<string, unknown>> {
  url: URL;
  state: S;
  status: number;
  code: string;
  message: string;
  /** The page a refused form was posted to, to go back to; null for anything else. */
  back: string | null;
}

export type Middleware<S = Record<string, unknown>> = (
  ctx: RouteContext<S>,
  next: () => Promise<Response>,
) => Promise<Response> | Response;

/** What a route module may export as `config`, as in Fresh. */
export interface RouteConfig {
  /** Largest request body in bytes, instead of the app's default (64 KiB). */
  bodyLimit?: number;
  /**
   * Names a bundle of this page's islands alone (served under `/_islands/<bundle>/`), for
   * a page held to a budget: no chunk it loads carries another page's code.
   */
  bundle?: string;
  /** An endpoint for programs outside /api/ (a health probe): its errors are JSON too, as the API's are. */
  json?: boolean;
}

/** Shape of a module under `routes/`. */
export interface RouteModule<S = Record<string, unknown>> {
  handler?: Handlers<S>;
  config?: RouteConfig;
  // deno-lint-ignore no-explicit-any
  default?: ComponentType<PageProps<any, S>>;
}
