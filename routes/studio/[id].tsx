import { StudioView } from "@/components/StudioView.tsx";
import { type Handlers, page, type PageProps } from "@/lib/fresh/mod.ts";
import { type StudioPage, studioPage } from "@/lib/pages/studio.ts";
import { askerOf } from "@/lib/server/identity.ts";
import { publicOrigin } from "@/lib/server/public_origin.ts";
import type { State } from "@/lib/server/state.ts";
import { links } from "@/lib/streams/actions.ts";

interface Data {
  studio: StudioPage;
  watchUrl: string;
}

export const handler: Handlers<State> = {
  async GET(ctx) {
    if (!ctx.state.seller) return ctx.hono.redirect("/signin", 303);
    const studio = await studioPage(ctx.state.services, askerOf(ctx), ctx.params.id!);
    return page<Data>({ studio, watchUrl: links(studio.stream, publicOrigin(ctx)).watchUrl });
  },
};

export default function Studio({ data }: PageProps<Data, State>) {
  return <StudioView page={data.studio} watchUrl={data.watchUrl} />;
}
