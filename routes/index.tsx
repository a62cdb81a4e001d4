import { PageTitle } from "@/components/PageTitle.tsx";
import LiveNow from "@/islands/LiveNow.tsx";
import { type Handlers, page, type PageProps } from "@/lib/fresh/mod.ts";
import { type HomePage, homePage } from "@/lib/pages/home.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  GET: async (ctx) => page(await homePage(ctx.state.services)),
};

export default function Home({ data: { live } }: PageProps<HomePage>) {
  return (
    <section>
      <PageTitle title="Live now" />
      <h1>Live now</h1>
      <LiveNow initial={live} />
    </section>
  );
}
