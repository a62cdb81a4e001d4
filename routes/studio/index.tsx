// The seller's home: their streams, a form to create one, and the shops they moderate.
import { StudioHome } from "@/components/StudioHome.tsx";
import { type PageProps, readQuery } from "@/lib/fresh/mod.ts";
import { StudioHomeQuery } from "@/lib/pages/inputs.ts";
import { type StudioHomePage, studioHomePage } from "@/lib/pages/studio_home.ts";
import { type FormPage, sellerFormPage } from "@/lib/server/form_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";
import { CreateStreamInput } from "@/lib/streams/inputs.ts";

export const handler = sellerFormPage({
  load: async (ctx) => {
    const { deleted, left } = readQuery(ctx, StudioHomeQuery);
    return { ...await studioHomePage(ctx.state.services, askerOf(ctx), left), deleted: deleted === "stream" };
  },
  schema: CreateStreamInput,
  submit: (ctx, input) => streams.create(ctx.state.services, askerOf(ctx), input),
  done: (stream) => `/studio/${stream.id}`,
});

export default function Studio(
  { data, state }: PageProps<FormPage<StudioHomePage & { deleted: boolean }>, State>,
) {
  return <StudioHome sellerName={state.seller?.name ?? ""} {...data.data} failure={data.failure} />;
}
