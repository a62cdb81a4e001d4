import type { Seller } from "@/lib/auth/seller_store.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { failureMarks, FieldError, FormError } from "./FieldError.tsx";
import { PageTitle } from "./PageTitle.tsx";

interface AccountViewProps {
  seller: Seller;
  /** How long an account nobody signs in to is kept. */
  idleMs: number;
  failure?: FormFailure;
}

/** The seller's account: who they are, how long an unused account is kept, and deleting it (asked first). */
export function AccountView({ seller, idleMs, failure }: AccountViewProps) {
  const marks = failureMarks(failure, ["password"]);
  const days = Math.round(idleMs / (24 * 60 * 60_000));
  return (
    <section>
      <PageTitle title="Your account" />
      <p>
        <a href="/studio">← Your studio</a>
      </p>
      <h1>Your account</h1>
      <p>
        {seller.name} · {seller.email}
      </p>
      <p class="muted">
        An account nobody signs in to for {days} days is removed, with all it holds.
      </p>
      {/* Open from the start when the last try failed, so its error shows beside the field. */}
      <details class="confirm-delete" open={!!failure}>
        <summary role="button">Delete account</summary>
        <form method="post" class="card form" novalidate>
          <p>
            Delete your account for good? Your streams (with their chat, sales records and replays), your
            products and your shop's moderators, bans and log go with it. A live stream must be ended first.
          </p>
          {/* A refused password is marked and focused as the page comes back, its reason beside it. */}
          <FormError marks={marks} />
          <label>
            Your password
            <input
              name="password"
              type="password"
              required
              autocomplete="current-password"
              {...marks.field("password")}
            />
          </label>
          <FieldError marks={marks} name="password" />
          <button type="submit" class="danger">Yes, delete my account</button>
        </form>
      </details>
    </section>
  );
}
