import type { ModeratedShops as Moderating } from "@/lib/moderation/moderated_shops.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import type { Stream } from "@/lib/streams/store.ts";
import { failureMarks, FieldError, FormError } from "./FieldError.tsx";
import { ModeratedShops } from "./ModeratedShops.tsx";
import { PageTitle } from "./PageTitle.tsx";
import { StreamList } from "./StreamList.tsx";

interface StudioHomeProps {
  sellerName: string;
  streams: Stream[];
  /** The shops the seller moderates. */
  moderating: Moderating;
  /** A stream was just deleted from its studio. */
  deleted: boolean;
  /** The shop the seller just stepped down from, by name. */
  left: string | null;
  failure?: FormFailure;
}

/** The seller's home: their streams, a form to create one, and the shops they moderate. */
export function StudioHome({ sellerName, streams, moderating, deleted, left, failure }: StudioHomeProps) {
  const marks = failureMarks(failure, ["title", "description"]);
  return (
    <section>
      <PageTitle title="Your studio" />
      <h1>Your studio</h1>
      {deleted && <p class="notice" role="status">The stream is deleted, with all it held.</p>}
      {left && (
        <p class="notice ok" role="status">
          You no longer moderate <bdi>{left}</bdi>.
        </p>
      )}
      <p>
        <a href="/studio/products">Products</a>: your catalog, to pin and sell while you are live.
      </p>
      <p>
        <a href="/studio/account">Your account</a>: who you are, and deleting it.
      </p>
      {moderating.shops.length > 0 && <ModeratedShops {...moderating} />}
      {/* The app's own words beside the title, not the browser's bubble, as sign-up's. */}
      <form method="post" class="card form" novalidate>
        <h2>New stream</h2>
        <FormError marks={marks} />
        <label>
          Title
          <input
            name="title"
            required
            maxLength={120}
            value={failure?.values.title}
            placeholder="Spring drop: linen shirts"
            {...marks.field("title")}
          />
        </label>
        <FieldError marks={marks} name="title" />
        <label>
          Description
          <textarea
            name="description"
            maxLength={2000}
            rows={3}
            {...marks.field("description")}
          >
            {failure?.values.description}
          </textarea>
        </label>
        <FieldError marks={marks} name="description" />
        <button type="submit" class="primary">Create stream</button>
      </form>
      <h2>Your streams</h2>
      {streams.length ? <StreamList streams={streams} hrefOf={(s) => `/studio/${s.id}`} /> : (
        <p class="muted">
          {/* No sentence ends on the name: "Linen & Co." would end in two full stops. */}
          <bdi>{sellerName}</bdi>, you have no streams yet. Create one above.
        </p>
      )}
    </section>
  );
}
