// The seller's home: their streams and a form to create one.
import { StreamList } from "../../components/StreamList.tsx";
import { type FormFailure, submitForm } from "../../lib/forms.ts";
import { type Handlers, page, type PageProps } from "../../lib/fresh/mod.ts";
import { CreateStreamInput } from "../../lib/inputs.ts";
import type { State } from "../../lib/state.ts";
import { listSellerStreams, type Stream } from "../../lib/store/streams.ts";
import { startStream } from "../../lib/streams.ts";

interface Data {
  streams: Stream[];
  failure?: FormFailure;
}

export const handler: Handlers<State> = {
  async GET(ctx) {
    if (!ctx.state.seller) return ctx.hono.redirect("/signin", 303);
    return page<Data>({ streams: await listSellerStreams(ctx.state.services.kv, ctx.state.seller.id) });
  },
  async POST(ctx) {
    const seller = ctx.state.seller;
    if (!seller) return ctx.hono.redirect("/signin", 303);
    const outcome = await submitForm(
      ctx,
      CreateStreamInput,
      (input) => startStream(ctx.state, seller, input),
    );
    if (outcome.ok) return ctx.hono.redirect(`/studio/${outcome.value.id}`, 303);
    const streams = await listSellerStreams(ctx.state.services.kv, seller.id);
    return page<Data>({ streams, failure: outcome.failure }, { status: outcome.status });
  },
};

export default function StudioHome({ data, state }: PageProps<Data, State>) {
  const { failure } = data;
  return (
    <section>
      <h1>Your studio</h1>
      <p>
        <a href="/studio/products">Products</a>: your catalog, to pin and sell while you are live.
      </p>
      <form method="post" class="card form">
        <h2>New stream</h2>
        {failure && <p class="notice error" role="alert">{failure.error}</p>}
        <label>
          Title
          <input
            name="title"
            required
            maxLength={120}
            value={failure?.values.title}
            placeholder="Spring drop: linen shirts"
          />
        </label>
        <label>
          Description
          <textarea name="description" maxLength={2000} rows={3}>{failure?.values.description}</textarea>
        </label>
        <button type="submit" class="primary">Create stream</button>
      </form>
      <h2>Your streams</h2>
      {data.streams.length
        ? <StreamList streams={data.streams} hrefOf={(s) => `/studio/${s.id}`} />
        : <p class="muted">No streams yet, {state.seller?.name}. Create one above.</p>}
    </section>
  );
}
