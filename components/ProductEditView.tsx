import { formatAmount } from "@/lib/contract/money.ts";
import type { ProductView } from "@/lib/contract/views.ts";
import type { ProductEditPage } from "@/lib/pages/product_edit.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { PageTitle } from "./PageTitle.tsx";
import { ProductFields } from "./ProductFields.tsx";

/** The product's fields as the form shows them. */
function valuesOf(p: ProductView): Record<string, string> {
  const { name, description, currency } = p;
  return {
    name,
    description,
    currency,
    price: formatAmount(p.priceMinor, p.currency),
    stock: `${p.stock}`,
    buyUrl: p.buyUrl ?? "",
  };
}

const SHOWN = { live: "is on show in your live stream", upcoming: "is on show in a stream not live yet" };

/** What deleting it would touch, as a sentence after its name ("is on show… and 2 buyers hold it"); "" when nothing. */
function standing({ shown, holders }: ProductEditPage): string {
  const facts = [
    shown && SHOWN[shown],
    holders && `${holders} ${holders === 1 ? "buyer holds" : "buyers hold"} it`,
  ].filter(Boolean);
  return facts.join(" and ");
}

/** What deleting it does to what it touches (a hold on a deleted product is still the seller's to settle). */
function consequences({ shown, holders }: ProductEditPage): string {
  const what = [
    shown && "takes it off the stream",
    holders &&
    `leaves ${holders === 1 ? "that hold" : "their holds"} in your sales list, to mark paid or let go`,
  ].filter(Boolean);
  return what.length ? `: deleting it ${what.join(" and ")}` : "";
}

/** Edit one product, or delete it (the form posts to ./delete), told first what that touches. */
export function ProductEditView({ page, failure }: { page: ProductEditPage; failure?: FormFailure }) {
  const { product } = page;
  // Its name kept apart from the sentence around it, in whatever script it is written.
  const name = <bdi>{product.name}</bdi>;
  const said = standing(page);
  // The stock the form shows, and the seller's edits of it counted: saving applies the change
  // to the stock as it is then, unless the stock was edited since (in another tab, or by this
  // form sent twice). Refused, the form keeps the stock it was opened with, unless that is
  // why: then it starts from the stock now. Browsers restore neither field (autocomplete off),
  // so Back shows the page as it is now.
  const kept = failure?.values.stockVersion === `${product.stockVersion}` ? failure.values : undefined;
  return (
    <section>
      <PageTitle title={`Edit ${product.name}`} />
      <p>
        <a class="back-link" href="/studio/products">← Your products</a>
      </p>
      <h1 dir="auto">{product.name}</h1>
      {said && <p class="notice">{name} {said}.</p>}
      <form method="post" enctype="multipart/form-data" class="card form" novalidate>
        <input type="hidden" name="stockShown" value={kept?.stockShown ?? product.stock} autocomplete="off" />
        <input type="hidden" name="stockVersion" value={product.stockVersion} autocomplete="off" />
        <ProductFields
          values={failure?.values ?? valuesOf(product)}
          failure={failure}
          imageUrl={product.imageUrl}
        />
        <button type="submit" class="primary">Save changes</button>
      </form>
      {
        /* Asks first, without JavaScript: the product leaves every stream it is pinned to. A plain
          summary, so a screen reader says whether it is open; "Keep it" closes it (the page anew). */
      }
      <details class="confirm-delete">
        <summary role="button">Delete product</summary>
        <form method="post" action={`/studio/products/${product.id}/delete`} class="form">
          <p>
            Delete “{name}” for good?{said && <>{" "}{name} {said}{consequences(page)}.</>}
          </p>
          <p class="confirm-actions">
            <button type="submit" class="danger">Yes, delete it</button>
            <a href={`/studio/products/${product.id}`}>Keep it</a>
          </p>
        </form>
      </details>
    </section>
  );
}
