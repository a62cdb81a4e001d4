// A guest picks (or changes) the display name they watch and chat under; a new guest is
// counted against their address's limit. A name refused shows the form again here, saying
// why, with a way back to where it was typed. The watch page's script asks for JSON
// instead, and stays on the page (lib/client/guest_name.ts).
import { GuestNamePage } from "@/components/GuestNamePage.tsx";
import { GuestNameInput } from "@/lib/auth/inputs.ts";
import { returnPath } from "@/lib/core/fields.ts";
import { asksJson, type Handlers, page, type PageProps, readForm } from "@/lib/fresh/mod.ts";
import { type FormFailure, submitForm } from "@/lib/server/forms.ts";
import { nameGuest } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    if (asksJson(ctx.req)) {
      const { name, returnTo } = await readForm(ctx, GuestNameInput);
      await nameGuest(ctx, name, returnTo);
      return ctx.hono.json({ guest: { name } });
    }
    const outcome = await submitForm(ctx, GuestNameInput, async ({ name, returnTo }) => {
      await nameGuest(ctx, name, returnTo);
      return returnTo;
    });
    if (outcome.ok) return ctx.hono.redirect(outcome.value, 303);
    return page<FormFailure>(outcome.failure, { status: outcome.status, headers: outcome.headers });
  },
};

/** The form alone (GET, `?returnTo=`), or again after a refused name. */
export default function GuestName({ data: failure, url }: PageProps<FormFailure | undefined>) {
  const asked = failure ? failure.values.returnTo : url.searchParams.get("returnTo");
  return <GuestNamePage failure={failure} back={returnPath.safeParse(asked).data ?? "/"} />;
}
