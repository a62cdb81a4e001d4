// The seller's home: their streams and a form to create one.
import { StudioHome } from "@/components/StudioHome.tsx";
import { type PageProps, readQuery } from "@/lib/fresh/mod.ts";
import { DeletedQuery } from "@/lib/pages/inputs.ts";
import { type FormPage, sellerFormPage } from "@/lib/server/form_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";
import { CreateStreamInput } from "@/lib/streams/inputs.ts";
import type { Stream } from "@/lib/streams/store.ts";

export const handler = sellerFormPage({
  load: async (ctx) => ({
    streams: await streams.listOwn(ctx.state.services, askerOf(ctx)),
    deleted: readQuery(ctx, DeletedQuery).deleted === "stream",
  }),
  schema: CreateStreamInput,
  submit: (ctx, input) => streams.create(ctx.state.services, askerOf(ctx), input),
  done: (stream) => `/studio/${stream.id}`,
});

export default function Studio(
  { data, state }: PageProps<FormPage<{ streams: Stream[]; deleted: boolean }>, State>,
) {
  const { streams, deleted } = data.data;
  return (
    <StudioHome
      sellerName={state.seller?.name ?? ""}
      streams={streams}
      deleted={deleted}
      failure={data.failure}
    />
  );
}
