import { AccountView } from "@/components/AccountView.tsx";
import { DeleteAccountInput } from "@/lib/auth/inputs.ts";
import { deleteAccount } from "@/lib/auth/removal.ts";
import { type PageProps, readQuery } from "@/lib/fresh/mod.ts";
import { type AccountDone, AccountDoneQuery } from "@/lib/pages/inputs.ts";
import { type FormPage, sellerFormPage } from "@/lib/server/form_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import { endSession } from "@/lib/server/session_cookie.ts";
import type { State } from "@/lib/server/state.ts";

/**
 * The seller's account: who they are, how long an unused account is kept, changing the
 * password and signing out elsewhere (./account/*), and deleting it (posted here).
 */
export const handler = sellerFormPage({
  load: (ctx) =>
    Promise.resolve({
      idleMs: ctx.state.services.config.quotas.accountIdleMs,
      done: readQuery(ctx, AccountDoneQuery).done,
    }),
  schema: DeleteAccountInput,
  submit: async (ctx, { password }) => {
    await deleteAccount(ctx.state.services, askerOf(ctx), password);
    await endSession(ctx);
  },
  done: () => "/?deleted=account",
  destructive: true,
});

export default function Account(
  { data, state }: PageProps<FormPage<{ idleMs: number; done: AccountDone }>, State>,
) {
  return <AccountView seller={state.seller!} {...data.data} failure={data.failure} />;
}
