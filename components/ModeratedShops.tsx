import type { ModeratedShops as Shops } from "@/lib/moderation/moderated_shops.ts";
import { StreamList } from "./StreamList.tsx";

/** The shops the seller moderates, each with its streams, leading to their watch pages (where the tools are). */
export function ModeratedShops({ shops, more }: Shops) {
  return (
    <section aria-labelledby="moderated-shops">
      <h2 id="moderated-shops">Shops you moderate</h2>
      <p class="muted">Open a stream to moderate its chat.</p>
      {shops.map((shop) => (
        <section key={shop.id}>
          <h3>{shop.name}</h3>
          {shop.streams.length
            ? <StreamList streams={shop.streams} hrefOf={(s) => `/watch/${s.id}`} />
            : <p class="muted">No streams yet.</p>}
        </section>
      ))}
      {more && <p class="muted">You moderate more shops than fit here: these are {shops.length} of them.</p>}
    </section>
  );
}
