// File-system routing: turns a `routes/` tree into a specificity-sorted table
// of Hono path patterns, plus the special `_app`, `_error` and `_middleware`
// modules. Modules are loaded with dynamic import() of file URLs.
import type { ComponentType } from "preact";
import type { AppProps, ErrorPageProps, Middleware, RouteModule } from "./types.ts";

export interface Route {
  /** Hono pattern, e.g. `/watch/:id` or `/files/:rest{.+}`. */
  pattern: string;
  file: URL;
  module: RouteModule<unknown>;
  /** Middlewares of enclosing folders, outermost first. */
  middlewares: Middleware<unknown>[];
}

export interface RouteTable {
  routes: Route[];
  /** The root folder's middlewares: an error page no route was run for gets its state from them. */
  middlewares: Middleware<unknown>[];
  app?: ComponentType<AppProps<unknown>>;
  error?: ComponentType<ErrorPageProps<unknown>>;
}

const CODE_FILE = /^(.+)\.(tsx?|jsx?)$/;

/** `watch/[id]` → `/watch/:id`; `index` segments vanish; `(group)` folders are transparent. */
export function toPattern(segments: string[]): string {
  const parts: string[] = [];
  segments.forEach((seg, i) => {
    if (seg.startsWith("(") && seg.endsWith(")")) return;
    if (seg === "index" && i === segments.length - 1) return;
    const rest = seg.match(/^\[\.\.\.(\w+)\]$/);
    const param = seg.match(/^\[(\w+)\]$/);
    if (rest) parts.push(`:${rest[1]}{.+}`);
    else if (param) parts.push(`:${param[1]}`);
    else parts.push(seg);
  });
  return "/" + parts.join("/");
}

/** 0 = static, 1 = `:param`, 2 = catch-all: lower ranks must be tried first. */
function rank(seg: string): number {
  return seg.startsWith(":") ? (seg.endsWith("{.+}") ? 2 : 1) : 0;
}

/** Static segments win over dynamic ones, which win over catch-alls. */
export function compareRoutes(a: string, b: string): number {
  const as = a.split("/"), bs = b.split("/");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const d = rank(as[i]!) - rank(bs[i]!);
    if (d !== 0) return d;
  }
  return as.length - bs.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A `_middleware` module exports `handler` (or default): one function or an array. */
function middlewaresOf(mod: Record<string, unknown>): Middleware<unknown>[] {
  const m = mod.handler ?? mod.default;
  const list = Array.isArray(m) ? m : [m];
  if (!list.every((f) => typeof f === "function")) {
    throw new TypeError("_middleware must export `handler` function(s)");
  }
  return list as Middleware<unknown>[];
}

export async function scanRoutes(dir: URL): Promise<RouteTable> {
  const table: RouteTable = { routes: [], middlewares: [] };
  await walk(dir, [], [], table);
  table.routes.sort((a, b) => compareRoutes(a.pattern, b.pattern));
  return table;
}

async function walk(
  dir: URL,
  segments: string[],
  inherited: Middleware<unknown>[],
  table: RouteTable,
): Promise<void> {
  const entries: Deno.DirEntry[] = [];
  for await (const e of Deno.readDir(dir)) entries.push(e);
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));

  // This folder's middleware must be known before its routes and subfolders.
  let middlewares = inherited;
  const mw = entries.find((e) => e.isFile && /^_middleware\.[jt]sx?$/.test(e.name));
  if (mw) {
    const mod = await import(new URL(mw.name, dir).href);
    middlewares = [...inherited, ...middlewaresOf(mod)];
  }
  if (segments.length === 0) table.middlewares = middlewares;

  for (const e of entries) {
    if (e.isDirectory) {
      await walk(
        new URL(`${e.name}/`, dir),
        [...segments, e.name],
        middlewares,
        table,
      );
      continue;
    }
    const m = e.name.match(CODE_FILE);
    if (!e.isFile || !m || /_test$/.test(m[1]!)) continue;
    const base = m[1]!;
    const file = new URL(e.name, dir);
    if (base.startsWith("_")) {
      // `_app` and `_error` are honoured at the routes root only.
      if (segments.length === 0 && (base === "_app" || base === "_error")) {
        table[base === "_app" ? "app" : "error"] = (await import(file.href)).default;
      }
      continue;
    }
    const module = (await import(file.href)) as RouteModule<unknown>;
    const pattern = toPattern([...segments, base]);
    table.routes.push({ pattern, file, module, middlewares });
  }
}
