// The seller's home: their streams and a form to create one.
import { StudioHome } from "@/components/StudioHome.tsx";
import type { PageProps } from "@/lib/fresh/mod.ts";
import { type FormPage, sellerFormPage } from "@/lib/server/form_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";
import { CreateStreamInput } from "@/lib/streams/inputs.ts";
import type { Stream } from "@/lib/streams/store.ts";

export const handler = sellerFormPage({
  load: (ctx) => streams.listOwn(ctx.state.services, askerOf(ctx)),
  schema: CreateStreamInput,
  submit: (ctx, input) => streams.create(ctx.state.services, askerOf(ctx), input),
  done: (stream) => `/studio/${stream.id}`,
});

export default function Studio({ data, state }: PageProps<FormPage<Stream[]>, State>) {
  return <StudioHome sellerName={state.seller?.name ?? ""} streams={data.data} failure={data.failure} />;
}
