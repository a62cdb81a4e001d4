import { WatchView } from "@/components/WatchView.tsx";
import { type Handlers, page, type PageProps } from "@/lib/fresh/mod.ts";
import { type WatchPage, watchPage } from "@/lib/pages/watch.ts";
import { actorOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  GET: async (ctx) => page(await watchPage(ctx.state.services, await actorOf(ctx), ctx.params.id!)),
};

export default function Watch({ data, state, url }: PageProps<WatchPage, State>) {
  return (
    <WatchView page={data} guestName={state.seller ? undefined : state.guest?.name} path={url.pathname} />
  );
}
