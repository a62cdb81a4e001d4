// A guest picks (or changes) the display name they watch and chat under; a new guest is
// counted against their address's limit. A name refused shows the form again here, saying
// why, with a way back to where it was typed.
import { GuestNameForm } from "@/components/GuestNameForm.tsx";
import { PageTitle } from "@/components/PageTitle.tsx";
import { GuestNameInput } from "@/lib/auth/inputs.ts";
import { returnPath } from "@/lib/core/fields.ts";
import { type Handlers, page, type PageProps } from "@/lib/fresh/mod.ts";
import { writeGuestCookie } from "@/lib/server/cookies.ts";
import { type FormFailure, submitForm } from "@/lib/server/forms.ts";
import { makeGuest } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const outcome = await submitForm(ctx, GuestNameInput, async ({ name, returnTo }) => {
      const { guest } = ctx.state;
      if (guest) await writeGuestCookie(ctx.hono, ctx.state.services.config.appSecret, { ...guest, name });
      else await makeGuest(ctx, name);
      return returnTo;
    });
    if (outcome.ok) return ctx.hono.redirect(outcome.value, 303);
    return page<FormFailure>(outcome.failure, { status: outcome.status });
  },
};

/** The form alone (GET, `?returnTo=`), or again after a refused name, saying why. */
export default function GuestName({ data: failure, url }: PageProps<FormFailure | undefined>) {
  const asked = failure ? failure.values.returnTo : url.searchParams.get("returnTo");
  const back = returnPath.safeParse(asked).data ?? "/";
  return (
    <section class="card form">
      <PageTitle title="Your name in chat" />
      <h1>Your name in chat</h1>
      {failure && <p class="notice error" role="alert">{failure.error}</p>}
      <GuestNameForm name={failure?.values.name} returnTo={back} failure={failure} />
      <p>
        <a href={back}>Go back</a>
      </p>
    </section>
  );
}
