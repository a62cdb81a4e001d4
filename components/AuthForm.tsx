import type { FormFailure } from "@/lib/server/forms.ts";
import { failureMarks, FieldError, FormError } from "./FieldError.tsx";
import { PageTitle } from "./PageTitle.tsx";

interface AuthFormProps {
  mode: "signup" | "signin";
  failure?: FormFailure;
  /** The studio page that sent the seller here, to go back to. */
  returnTo?: string;
  /** Why nobody may sign up here (its owner closed it): said instead of the sign-up form. */
  closed?: string;
  /** Sent here as this browser's session had ended: said, so it is not a mystery. */
  ended?: boolean;
}

/** The sign-up and sign-in form: plain HTML, posted to its own page. */
export function AuthForm({ mode, failure, returnTo, closed, ended }: AuthFormProps) {
  const signup = mode === "signup";
  const marks = failureMarks(failure, ["name", "email", "password"]);
  const back = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : "";
  if (signup && closed) {
    return (
      <section class="card form">
        <PageTitle title="Start selling live" />
        <h1>Start selling live</h1>
        <p class="notice" role="status">{closed}</p>
        <p>
          Have an account? <a href={`/signin${back}`}>Sign in</a>
        </p>
      </section>
    );
  }
  return (
    <form method="post" class="card form" novalidate>
      <PageTitle title={signup ? "Start selling live" : "Sign in"} />
      <h1>{signup ? "Start selling live" : "Sign in to your studio"}</h1>
      {ended && !failure && (
        <p class="notice" role="status">
          You were signed out: the password was changed, the account signed out everywhere else, or two weeks
          went by. Sign in again to go on.
        </p>
      )}
      <FormError marks={marks} />
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      {signup && (
        <label>
          Shop or display name
          <input
            name="name"
            required
            maxLength={60}
            autocomplete="name"
            value={failure?.values.name}
            {...marks.field("name")}
          />
        </label>
      )}
      {signup && <FieldError marks={marks} name="name" />}
      <label>
        Email
        <input
          name="email"
          type="email"
          required
          autocomplete="email"
          value={failure?.values.email}
          {...marks.field("email")}
        />
      </label>
      <FieldError marks={marks} name="email" />
      <label>
        Password {signup && <small>(at least 10 characters)</small>}
        <input
          name="password"
          type="password"
          required
          minLength={signup ? 10 : 1}
          autocomplete={signup ? "new-password" : "current-password"}
          {...marks.field("password")}
        />
      </label>
      <FieldError marks={marks} name="password" />
      <button type="submit" class="primary">{signup ? "Create account" : "Sign in"}</button>
      <p>
        {signup
          ? (
            <>
              Have an account? <a href={`/signin${back}`}>Sign in</a>
            </>
          )
          : !closed && (
            <>
              New here? <a href={`/signup${back}`}>Create an account</a>
            </>
          )}
      </p>
    </form>
  );
}
