import { WatchView } from "@/components/WatchView.tsx";
import { type Handlers, page, type PageProps } from "@/lib/fresh/mod.ts";
import { type WatchPage, watchPage } from "@/lib/pages/watch.ts";
import { askerOf, welcomeGuest } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async GET(ctx) {
    const data = await watchPage(ctx.state.services, askerOf(ctx), ctx.params.id!);
    // A stranger becomes a guest here (a new guest has nothing the page would show yet).
    await welcomeGuest(ctx);
    return page(data);
  },
};

export default function Watch({ data, state, url }: PageProps<WatchPage, State>) {
  return (
    <WatchView page={data} guestName={state.seller ? undefined : state.guest?.name} path={url.pathname} />
  );
}
