import { CHAT_MAX_LENGTH } from "@/lib/contract/limits.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { failureMarks, FieldError, FormError } from "./FieldError.tsx";
import { PageTitle } from "./PageTitle.tsx";

/**
 * A watch page's form refused without JavaScript (a chat line against the rules, slow mode,
 * a sold-out product): why, in plain words, the line kept to send again, and the way back.
 */
export function WatchFormRefusal({ failure, path }: { failure: FormFailure; path: string }) {
  const { text, productId } = failure.values;
  const chat = text !== undefined;
  const marks = failureMarks(failure, ["text"]);
  const title = chat ? "Your message wasn't sent" : "Not added to your cart";
  return (
    <section class="card form">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <FormError marks={marks} />
      {chat && (
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
        <a href={chat ? `${path}#chat` : `${path}?product=${encodeURIComponent(productId ?? "")}`}>
          {chat ? "Back to the stream" : "Back to the product"}
        </a>
      </p>
    </section>
  );
}
