// The viewer's own standing in the shop's chat: timed out until a moment, as the page was
// rendered and as a moderator's message to them alone (topic "standing") changes it; free
// again once that moment passes. The same topic tells a seller the shop named them a
// moderator, or no longer. A refused send says the same (lib/client/api.ts), so a
// message missed in a drop costs only the notice.
import { type Signal } from "@preact/signals";
import type { ChatRole } from "@/lib/contract/messages.ts";
import { useLiveState } from "./live_state.ts";
import { useAtEnd } from "./use_now.ts";

export interface Standing {
  /** Timed out until then (ISO); null: free to chat. */
  until: string | null;
  /** True once the timeout is over: lifted early by a moderator, or run out. */
  lifted: boolean;
  /** Their role, once the shop named them a moderator or no longer while they watch. */
  role?: ChatRole;
}

export function useStanding(timedOutUntil: string | null): Signal<Standing> {
  const { state } = useLiveState<Standing>({ until: timedOutUntil, lifted: false }, {
    on: { standing: (_, { until, role }) => ({ until, lifted: !until && !role, role }) },
  });
  // Over at its end as when lifted early: said alike.
  useAtEnd([state.value.until], 0, () => state.value = { until: null, lifted: true });
  return state;
}
