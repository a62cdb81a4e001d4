import { PageTitle } from "@/components/PageTitle.tsx";
import { StreamList } from "@/components/StreamList.tsx";
import { type Handlers, page, type PageProps } from "@/lib/fresh/mod.ts";
import { type HomePage, homePage } from "@/lib/pages/home.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  GET: async (ctx) => page(await homePage(ctx.state.services)),
};

export default function Home({ data: { live, viewers } }: PageProps<HomePage>) {
  return (
    <section>
      <PageTitle title="Live now" />
      <h1>Live now</h1>
      {live.length
        ? <StreamList streams={live} hrefOf={(s) => `/watch/${s.id}`} viewers={viewers} />
        : (
          <p class="muted">
            Nobody is live right now. Sellers: <a href="/studio">open your studio</a> to go live.
          </p>
        )}
    </section>
  );
}
