// How many watch now and at most so far, live from LiveKit's webhooks through the
// server; the seller also gets the viewers' names.
import { getJson, streamApi } from "@/lib/client/api.ts";
import { useLiveState, versionAs } from "@/lib/client/live_state.ts";
import type { Viewers } from "@/lib/contract/views.ts";

export interface ViewerCountProps {
  streamId: string;
  /** { current, peak }, plus `names` for the seller, as the server rendered them. */
  initial: Viewers;
}

export default function ViewerCount({ streamId, initial }: ViewerCountProps) {
  const { state: viewers, ready } = useLiveState(initial, {
    // Everyone gets counts; the seller gets a second message with names, so keep theirs.
    on: {
      viewers: (state, { current, peak, version, names }) => ({
        current,
        peak,
        version: version ?? state.version,
        names: names ?? state.names,
      }),
    },
    versions: versionAs("viewers"),
    refetch: () => getJson<Viewers>(`${streamApi(streamId)}/viewers`),
  });
  const { current, peak, names } = viewers.value;
  return (
    <div
      class="viewer-count"
      data-current={current}
      data-peak={peak}
      data-ready={ready.value || undefined}
    >
      <span>
        <strong>{current}</strong> watching
      </span>
      {/* Said whole: after the end it is all the count says. */}
      <span class="muted">{peak} at the peak</span>
      {names && (
        <details class="viewer-names">
          <summary role="button">Who's watching</summary>
          {names.length
            ? <ul>{names.map((n, i) => <li key={i}>{n}</li>)}</ul>
            : <p class="muted">Nobody yet.</p>}
          {current > names.length && <p class="muted">and {current - names.length} more</p>}
        </details>
      )}
    </div>
  );
}
