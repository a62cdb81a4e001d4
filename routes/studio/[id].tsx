import { StudioView } from "@/components/StudioView.tsx";
import type { PageProps } from "@/lib/fresh/mod.ts";
import { type StudioPage, studioPage } from "@/lib/pages/studio.ts";
import { type FormPage, sellerFormPage } from "@/lib/server/form_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import { publicOrigin } from "@/lib/server/public_origin.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";
import { DeleteStreamForm } from "@/lib/streams/inputs.ts";

interface Data {
  studio: StudioPage;
  watchUrl: string;
}

/** GET: a stream's studio. POST: its delete button (asked first); refused, the studio says why. */
export const handler = sellerFormPage({
  load: async (ctx): Promise<Data> => {
    const studio = await studioPage(ctx.state.services, askerOf(ctx), ctx.params.id!);
    return { studio, watchUrl: streams.links(studio.stream, publicOrigin(ctx)).watchUrl };
  },
  schema: DeleteStreamForm,
  submit: (ctx) => streams.remove(ctx.state.services, askerOf(ctx), ctx.params.id!),
  done: () => "/studio?deleted=stream",
  destructive: true,
});

export default function Studio({ data }: PageProps<FormPage<Data>, State>) {
  return <StudioView page={data.data.studio} watchUrl={data.data.watchUrl} refusal={data.failure} />;
}
