import type { FormFailure } from "@/lib/server/forms.ts";
import { failureMarks, FormError } from "./FieldError.tsx";
import { GuestNameForm } from "./GuestNameForm.tsx";
import { PageTitle } from "./PageTitle.tsx";

/** The guest name form on a page of its own, after a refused name saying why, with the way back. */
export function GuestNamePage({ failure, back }: { failure?: FormFailure; back: string }) {
  const marks = failureMarks(failure, ["name"]);
  return (
    <section class="card form">
      <PageTitle title="Your name in chat" />
      <h1>Your name in chat</h1>
      <FormError marks={marks} />
      <GuestNameForm name={failure?.values.name} returnTo={back} marks={marks} />
      <p>
        <a href={back}>Go back</a>
      </p>
    </section>
  );
}
