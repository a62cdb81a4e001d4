// Fresh 2's `page()`: a handler returns this to render the route's default
// component with `props.data`, optionally with a custom status/headers, and
// (our addition) how to reuse its render for other requests (./page_templates.ts).
import type { Reuse } from "./page_templates.ts";

export class PageResult<D> {
  constructor(
    readonly data: D,
    readonly status: number = 200,
    readonly headers: HeadersInit = {},
    readonly reuse?: Reuse,
  ) {}
}

export function page<D>(
  data: D,
  init: { status?: number; headers?: HeadersInit; reuse?: Reuse } = {},
): PageResult<D> {
  return new PageResult(data, init.status ?? 200, init.headers ?? {}, init.reuse);
}
