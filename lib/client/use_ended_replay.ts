// The replay of a stream that ends while its page is open: the closed room says nothing
// more, so the page asks for it once it knows of the end, and again while the studio may
// still be sending its last parts.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { ReplaySoFar, ReplayTake } from "@/lib/contract/views.ts";
import { ApiError, getJson, streamApi } from "./api.ts";

/** Spread out, so the viewers of one stream do not all ask at once. */
const again = () => 3_000 + Math.random() * 2_000;

/**
 * Nothing until `ended`; then the replay, `saving` while its last parts may still come. A
 * replay the page came with (`takes`) is the whole of it.
 */
export function useEndedReplay(streamId: string, ended: boolean, takes: ReplayTake[]): ReplaySoFar {
  const replay = useSignal<ReplaySoFar>({ takes, saving: false });
  useEffect(() => {
    if (!ended || takes.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        replay.value = await getJson<ReplaySoFar>(`${streamApi(streamId)}/replay`);
        if (!replay.value.saving) return;
      } catch (error) {
        // Refused (the stream was deleted): nothing will come. Unreachable: ask again.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
          return void (replay.value = { takes: [], saving: false });
        }
      }
      timer = setTimeout(ask, again());
    };
    void ask();
    return () => clearTimeout(timer);
  }, [ended]);
  return replay.value;
}
