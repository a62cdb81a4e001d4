// The viewer's own standing in the shop's chat: timed out until a moment, as the page was
// rendered and as a moderator's message to them alone (topic "standing") changes it; free
// again once that moment passes. A refused send says the same (lib/client/api.ts), so a
// message missed in a drop costs only the notice.
import { type Signal } from "@preact/signals";
import { useLiveState } from "./live_state.ts";
import { useAtEnd } from "./use_now.ts";

export interface Standing {
  /** Timed out until then (ISO); null: free to chat. */
  until: string | null;
  /** True once a moderator lifted the timeout early. */
  lifted: boolean;
}

export function useStanding(timedOutUntil: string | null): Signal<Standing> {
  const { state } = useLiveState<Standing>({ until: timedOutUntil, lifted: false }, {
    on: { standing: (_, { until }) => ({ until, lifted: !until }) },
  });
  useAtEnd([state.value.until], 0, () => state.value = { until: null, lifted: false });
  return state;
}
