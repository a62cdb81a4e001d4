import type { ModeratedShops as Shops } from "@/lib/moderation/moderated_shops.ts";
import { StreamList } from "./StreamList.tsx";

/**
 * The shops the seller moderates, each with its streams, leading to their watch pages (where
 * the tools are), and a button to step down that asks first (a plain form: no JavaScript needed).
 */
export function ModeratedShops({ shops, more }: Shops) {
  return (
    <section aria-labelledby="moderated-shops">
      <h2 id="moderated-shops">Shops you moderate</h2>
      <p class="muted">
        Open a stream to moderate its chat. Once you step down from a shop, only its seller can name you
        again.
      </p>
      {shops.map((shop) => (
        <section key={shop.id}>
          <div class="moderated-shop">
            <h3 dir="auto">{shop.name}</h3>
            {/* Asks first, without JavaScript: only the seller can undo it. */}
            <details class="step-down">
              <summary role="button" aria-label={`Step down as moderator of ${shop.name}`}>Step down</summary>
              <form method="post" action={`/studio/moderating/${shop.id}/step-down`} class="form">
                <p>
                  Stop moderating <bdi>{shop.name}</bdi>? Only its seller can name you again.
                </p>
                <button type="submit" class="danger">Yes, step down</button>
              </form>
            </details>
          </div>
          {shop.streams.length
            ? <StreamList streams={shop.streams} hrefOf={(s) => `/watch/${s.id}`} />
            : <p class="muted">No streams yet.</p>}
        </section>
      ))}
      {more && <p class="muted">You moderate more shops than fit here: these are {shops.length} of them.</p>}
    </section>
  );
}
