import type { FormFailure } from "@/lib/server/forms.ts";
import { FieldError, invalidProps } from "./FieldError.tsx";
import { PageTitle } from "./PageTitle.tsx";

interface AuthFormProps {
  mode: "signup" | "signin";
  failure?: FormFailure;
  /** The studio page that sent the seller here, to go back to. */
  returnTo?: string;
}

/** The sign-up and sign-in form: plain HTML, posted to its own page. */
export function AuthForm({ mode, failure, returnTo }: AuthFormProps) {
  const signup = mode === "signup";
  const errors = failure?.fields;
  const back = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : "";
  return (
    <form method="post" class="card form" novalidate>
      <PageTitle title={signup ? "Start selling live" : "Sign in"} />
      <h1>{signup ? "Start selling live" : "Sign in to your studio"}</h1>
      {failure && <p class="notice error" role="alert">{failure.error}</p>}
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
            {...invalidProps(errors, "name")}
          />
        </label>
      )}
      {signup && <FieldError errors={errors} name="name" />}
      <label>
        Email
        <input
          name="email"
          type="email"
          required
          autocomplete="email"
          value={failure?.values.email}
          {...invalidProps(errors, "email")}
        />
      </label>
      <FieldError errors={errors} name="email" />
      <label>
        Password {signup && <small>(at least 10 characters)</small>}
        <input
          name="password"
          type="password"
          required
          minLength={signup ? 10 : 1}
          autocomplete={signup ? "new-password" : "current-password"}
          {...invalidProps(errors, "password")}
        />
      </label>
      <FieldError errors={errors} name="password" />
      <button type="submit" class="primary">{signup ? "Create account" : "Sign in"}</button>
      <p>
        {signup
          ? (
            <>
              Have an account? <a href={`/signin${back}`}>Sign in</a>
            </>
          )
          : (
            <>
              New here? <a href={`/signup${back}`}>Create an account</a>
            </>
          )}
      </p>
    </form>
  );
}
