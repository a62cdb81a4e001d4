import { WatchFormRefusal, type WatchRefusal } from "@/components/WatchFormRefusal.tsx";
import { WatchView } from "@/components/WatchView.tsx";
import { type Handlers, page, type PageProps, readQuery, type RouteConfig } from "@/lib/fresh/mod.ts";
import { WatchForm, WatchQuery } from "@/lib/pages/inputs.ts";
import { watchPage } from "@/lib/pages/watch.ts";
import { submitWatchForm } from "@/lib/pages/watch_forms.ts";
import { reusable, type ReusablePage } from "@/lib/pages/watch_reuse.ts";
import { submitForm } from "@/lib/server/forms.ts";
import { askerOf, pageAsker, personOf, watcherOf, welcomeGuest } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

// Its islands bundled on their own: a viewer loads none of the studio's code (issue 11's budget).
export const config: RouteConfig = { bundle: "watch" };
export const handler: Handlers<State> = {
  async GET(ctx) {
    const { product } = readQuery(ctx, WatchQuery);
    // A stranger becomes a guest here, once the stream is known to exist; the room ticket is theirs.
    const viewer = () => welcomeGuest(ctx).then(() => watcherOf(ctx));
    const asked = { asker: askerOf(ctx), streamId: ctx.params.id!, viewer, product };
    const data = await watchPage(ctx.state.services, asked);
    await welcomeGuest(ctx);
    const shared = reusable(data, pageAsker(ctx));
    return page(shared, { reuse: shared.reuse });
  },
  /** The chat's Send and the sheet's Add to cart, before (or without) the page's JavaScript. */
  async POST(ctx) {
    // Who asks is read inside: a guest with no name yet is refused on the same page.
    const submit = (input: WatchForm) =>
      submitWatchForm(ctx.state.services, personOf(ctx), ctx.params.id!, input);
    const outcome = await submitForm(ctx, WatchForm, submit);
    if (outcome.ok) return ctx.hono.redirect(outcome.value, 303);
    const refusal = { failure: outcome.failure, status: outcome.status };
    return page({ refusal }, { status: outcome.status, headers: outcome.headers });
  },
};

export default function Watch({ data, url }: PageProps<ReusablePage | { refusal: WatchRefusal }>) {
  if ("refusal" in data) return <WatchFormRefusal refusal={data.refusal} path={url.pathname} />;
  return <WatchView page={data.page} guestName={data.asker.guestName} path={data.asker.path} />;
}
