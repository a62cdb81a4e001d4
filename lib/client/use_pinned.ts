// The note pinned on top of a stream's chat: server-rendered, then followed on the room's
// "announcement" topic (an older change never replaces a newer one); the host and
// moderators pin and unpin it here.
import { type Signal } from "@preact/signals";
import type { Pinned } from "@/lib/contract/views.ts";
import { useLiveState, versionAs } from "./live_state.ts";
import { fetchPinned, pin, unpin } from "./moderation.ts";
import { type Action, useAction } from "./use_action.ts";

export interface PinnedState extends Omit<Action, "run"> {
  pinned: Signal<Pinned>;
  pin(text: string): Promise<boolean>;
  unpin(): Promise<boolean>;
}

export function usePinned(streamId: string, initial: Pinned, follow: boolean): PinnedState {
  const { state } = useLiveState(initial, {
    on: follow ? { announcement: (_, { note, version }) => ({ note, version: version ?? "" }) } : {},
    versions: versionAs("version"),
    refetch: follow ? () => fetchPinned(streamId) : undefined,
  });
  const { busy, error, run } = useAction();
  const keep = (fresh: Pinned) => {
    if (fresh.version >= state.value.version) state.value = fresh;
  };
  return {
    pinned: state,
    busy,
    error,
    pin: (text) => run(async () => keep(await pin(streamId, text))),
    unpin: () => run(async () => keep(await unpin(streamId))),
  };
}
