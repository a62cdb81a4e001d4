// Fresh 2's `page()`: a handler returns this to render the route's default
// component with `props.data`, optionally with a custom status/headers.
export class PageResult<D> {
  constructor(
    readonly data: D,
    readonly status: number = 200,
    readonly headers: HeadersInit = {},
  ) {}
}

export function page<D>(
  data: D,
  init: { status?: number; headers?: HeadersInit } = {},
): PageResult<D> {
  return new PageResult(data, init.status ?? 200, init.headers ?? {});
}
