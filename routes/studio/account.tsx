import { AccountView } from "@/components/AccountView.tsx";
import { DeleteAccountInput } from "@/lib/auth/inputs.ts";
import { deleteAccount } from "@/lib/auth/removal.ts";
import type { PageProps } from "@/lib/fresh/mod.ts";
import { type FormPage, sellerFormPage } from "@/lib/server/form_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import { endSession } from "@/lib/server/session_cookie.ts";
import type { State } from "@/lib/server/state.ts";

/** The seller's account: who they are, how long an unused account is kept, and deleting it. */
export const handler = sellerFormPage({
  load: (ctx) => Promise.resolve(ctx.state.services.config.quotas.accountIdleMs),
  schema: DeleteAccountInput,
  submit: async (ctx, { password }) => {
    await deleteAccount(ctx.state.services, askerOf(ctx), password);
    await endSession(ctx);
  },
  done: () => "/?deleted=account",
  destructive: true,
});

export default function Account({ data, state }: PageProps<FormPage<number>, State>) {
  return <AccountView seller={state.seller!} idleMs={data.data} failure={data.failure} />;
}
