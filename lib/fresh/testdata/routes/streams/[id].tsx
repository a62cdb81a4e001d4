import { page } from "../../../page.ts";
import type { Handlers, PageProps } from "../../../types.ts";

export const handler: Handlers = {
  GET: (ctx) => page({ id: ctx.params.id ?? "" }, { headers: { "x-page": "1" } }),
};

export default function Stream({ data }: PageProps<{ id: string }>) {
  return <h1>stream {data.id}</h1>;
}
