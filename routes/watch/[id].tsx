import { WatchView } from "@/components/WatchView.tsx";
import { type Handlers, page, type PageProps, readForm, readQuery } from "@/lib/fresh/mod.ts";
import type { RouteConfig } from "@/lib/fresh/mod.ts";
import { WatchForm, WatchQuery } from "@/lib/pages/inputs.ts";
import { watchPage } from "@/lib/pages/watch.ts";
import { submitWatchForm } from "@/lib/pages/watch_forms.ts";
import { reusable, type ReusablePage } from "@/lib/pages/watch_reuse.ts";
import { askerOf, pageAsker, personOf, watcherOf, welcomeGuest } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

// Its islands bundled on their own: a viewer loads none of the studio's code (issue 11's budget).
export const config: RouteConfig = { bundle: "watch" };
export const handler: Handlers<State> = {
  async GET(ctx) {
    const { product } = readQuery(ctx, WatchQuery);
    // A stranger becomes a guest here, once the stream is known to exist; the room ticket is theirs.
    const viewer = () => welcomeGuest(ctx).then(() => watcherOf(ctx));
    const data = await watchPage(ctx.state.services, {
      asker: askerOf(ctx),
      streamId: ctx.params.id!,
      viewer,
      product,
    });
    await welcomeGuest(ctx);
    const shared = reusable(data, pageAsker(ctx));
    return page(shared, { reuse: shared.reuse });
  },
  /** The chat's Send and the sheet's Add to cart, before (or without) the page's JavaScript. */
  async POST(ctx) {
    const input = await readForm(ctx, WatchForm);
    const next = await submitWatchForm(ctx.state.services, personOf(ctx), ctx.params.id!, input);
    return ctx.hono.redirect(next, 303);
  },
};

export default function Watch({ data: { page, asker } }: PageProps<ReusablePage>) {
  return <WatchView page={page} guestName={asker.guestName} path={asker.path} />;
}
