// Where an error page's "Back to the page" leads after a form's post: a page, never the
// address posted to when only POST answers there (a GET of it is a 405). Read from the
// routes' patterns, segment for segment, so a parent is one the posted route names: the
// form's own page when its route has one (/watch/:id), else the nearest page above it
// (/studio/products/:id/delete → /studio/products/:id), never a page of another route that
// happens to match the path (/studio/moderating is /studio/:id's, for a stream of that id).
import type { Route } from "./routes.ts";

/** The page to go back to from a POST to `path` (matched by `route`) refused with `status`; null when none. */
export function backPage(route: Route, routes: Route[], path: string, status: number): string | null {
  if (route.module.default) return path;
  const pattern = route.pattern.split("/");
  const segments = path.split("/");
  // A catch-all's segments do not line up with the path's.
  if (pattern.length !== segments.length) return null;
  for (let end = pattern.length - 1; end > 0; end--) {
    const parent = pattern.slice(0, end);
    // A 404 says what the path names is gone: the page of that name would say so again.
    if (status === 404 && parent.at(-1)!.startsWith(":")) continue;
    const wanted = parent.join("/") || "/";
    if (routes.some((r) => r.pattern === wanted && r.module.default)) {
      return segments.slice(0, end).join("/") || "/";
    }
  }
  return null;
}
