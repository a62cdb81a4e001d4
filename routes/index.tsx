import { PageTitle } from "@/components/PageTitle.tsx";
import LiveNow from "@/islands/LiveNow.tsx";
import { type Handlers, page, type PageProps, readQuery } from "@/lib/fresh/mod.ts";
import { DeletedQuery } from "@/lib/pages/inputs.ts";
import { homePage } from "@/lib/pages/home.ts";
import type { LiveList } from "@/lib/contract/views.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  GET: async (ctx) => {
    const { deleted } = readQuery(ctx, DeletedQuery);
    return page({ ...await homePage(ctx.state.services), accountDeleted: deleted === "account" });
  },
};

export default function Home(
  { data: { accountDeleted, ...list } }: PageProps<LiveList & { accountDeleted: boolean }>,
) {
  return (
    <section>
      <PageTitle title="Live now" />
      {accountDeleted && <p class="notice" role="status">Your account is deleted, with all it held.</p>}
      <h1>Live now</h1>
      <LiveNow initial={list} />
    </section>
  );
}
