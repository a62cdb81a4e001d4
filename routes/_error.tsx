import { ErrorLinks } from "@/components/ErrorLinks.tsx";
import { PageTitle } from "@/components/PageTitle.tsx";
import type { ErrorPageProps } from "@/lib/fresh/mod.ts";
import type { State } from "@/lib/server/state.ts";

// What a person is told first, in plain words; the message below says why.
const HEADINGS: Record<number, string> = {
  403: "Not allowed",
  404: "Page not found",
  405: "Nothing to show here",
  413: "That is too large",
  429: "Please wait a moment",
};

export default function ErrorPage({ status, code, message, back, url, state }: ErrorPageProps<State>) {
  const heading = HEADINGS[status] ?? "Something went wrong";
  return (
    <section class="error-page">
      <PageTitle title={heading} />
      <h1>{heading}</h1>
      {/* Without the field's key a bad input's message starts with ("text: "). */}
      <p>{message.replace(/^[a-z]\w*: /, "")}</p>
      <ErrorLinks code={code} url={url} back={back} signedIn={!!state.seller} />
    </section>
  );
}
