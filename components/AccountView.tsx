import type { Seller } from "@/lib/auth/seller_store.ts";
import type { AccountDone } from "@/lib/pages/inputs.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { failureMarks, FormError } from "./FieldError.tsx";
import { PageTitle } from "./PageTitle.tsx";
import { PasswordField } from "./PasswordField.tsx";

interface AccountViewProps {
  seller: Seller;
  /** How long an account nobody signs in to is kept. */
  idleMs: number;
  /** What the seller just did here, to confirm. */
  done?: AccountDone;
  /** The refused form's (FormFailure.form: "password", "sessions", or none for the delete). */
  failure?: FormFailure;
}

const DONE: Record<NonNullable<AccountDone>, string> = {
  password: "Password changed. You were signed out everywhere else.",
  sessions: "Signed out everywhere else.",
};

/**
 * The seller's account: who they are, how long an unused account is kept, changing the
 * password, signing out everywhere else, and deleting it (asked first). Plain forms: each
 * refused one comes back with its error beside its field, focused.
 */
export function AccountView({ seller, idleMs, done, failure }: AccountViewProps) {
  const refused = (form?: string) => failure?.form === form ? failure : undefined;
  const password = failureMarks(refused("password"), ["currentPassword", "newPassword"]);
  const sessions = failureMarks(refused("sessions"), []);
  const removal = failureMarks(refused(), ["password"]);
  const days = Math.round(idleMs / (24 * 60 * 60_000));
  return (
    <section>
      <PageTitle title="Your account" />
      <p>
        <a href="/studio">← Your studio</a>
      </p>
      <h1>Your account</h1>
      {done && <p class="notice ok" role="status">{DONE[done]}</p>}
      <p>
        <bdi>{seller.name}</bdi> · <bdi>{seller.email}</bdi>
      </p>
      <p class="muted">
        An account nobody signs in to for {days} days is removed, with all it holds.
      </p>
      <h2>Change password</h2>
      <form method="post" action="/studio/account/password" class="card form" novalidate>
        <p>Every other browser signed in to your account is signed out; this one stays signed in.</p>
        <FormError marks={password} />
        <PasswordField name="currentPassword" autocomplete="current-password" marks={password}>
          Current password
        </PasswordField>
        <PasswordField name="newPassword" autocomplete="new-password" marks={password} minLength={10}>
          New password <small>(at least 10 characters)</small>
        </PasswordField>
        <button type="submit" class="primary">Change password</button>
      </form>
      <h2>Other browsers</h2>
      <form method="post" action="/studio/account/sessions" class="card form" novalidate>
        <p>Signed in somewhere you no longer use, or someone else is? Sign out every browser but this one.</p>
        <FormError marks={sessions} />
        <button type="submit">Sign out everywhere else</button>
      </form>
      {/* Open from the start when the last try failed, so its error shows beside the field. */}
      <details class="confirm-delete" open={!!refused()}>
        <summary role="button">Delete account</summary>
        <form method="post" class="card form" novalidate>
          <p>
            Delete your account for good? Your streams (with their chat, sales records and replays), your
            products and your shop's moderators, bans and log go with it. A live stream must be ended first.
          </p>
          {/* A refused password is marked and focused as the page comes back, its reason beside it. */}
          <FormError marks={removal} />
          <PasswordField name="password" autocomplete="current-password" marks={removal}>
            Your password
          </PasswordField>
          <button type="submit" class="danger">Yes, delete my account</button>
        </form>
      </details>
    </section>
  );
}
