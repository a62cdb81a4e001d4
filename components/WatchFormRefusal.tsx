import { CHAT_MAX_LENGTH } from "@/lib/contract/limits.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { failureMarks, FieldError, FormError } from "./FieldError.tsx";
import { PageTitle } from "./PageTitle.tsx";

/** What a refused watch page form comes back with: the failure and its status. */
export interface WatchRefusal {
  failure: FormFailure;
  status: number;
}

/**
 * A watch page's form refused without JavaScript (a chat line against the rules, slow mode,
 * a sold-out product): why, in plain words, the line kept to send again where sending
 * again can work (not for a viewer banned, timed out or with no name yet), and the way back.
 */
export function WatchFormRefusal(
  { refusal: { failure, status }, path }: { refusal: WatchRefusal; path: string },
) {
  const { text, productId } = failure.values;
  const chat = text !== undefined;
  const again = chat && (status === 400 || status === 429);
  // With no form to show them beside, the fields' problems are the words.
  const shown = again || !failure.aboutFields
    ? failure
    : { ...failure, error: Object.values(failure.fields).join(" "), fields: {}, aboutFields: false };
  const marks = failureMarks(shown, again ? ["text"] : []);
  // Named by what the form was for: a chat line, else what the schema read it as (a cart's
  // product); a body that could not be read as a form (text/plain, cut off) says neither.
  const cart = productId !== undefined || failure.aboutFields;
  const title = chat ? "Your message wasn't sent" : cart ? "Not added to your cart" : "Not sent";
  return (
    <section class="card form">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <FormError marks={marks} />
      {again && (
        <form method="post" action={path} class="form">
          <label>
            Message
            <input name="text" value={text} required maxLength={CHAT_MAX_LENGTH} {...marks.field("text")} />
          </label>
          <FieldError marks={marks} name="text" />
          <button type="submit" class="primary">Send again</button>
        </form>
      )}
      <p>
        {chat || !productId
          ? <a href={`${path}#chat`}>Back to the stream</a>
          : <a href={`${path}?product=${encodeURIComponent(productId)}`}>Back to the product</a>}
      </p>
    </section>
  );
}
