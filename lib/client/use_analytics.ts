// The stream's numbers for the studio, the moment it ends: rendered with the page when it
// had already ended, fetched when it ends while the page is open.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { StreamAnalytics } from "@/lib/contract/views.ts";
import { getJson } from "./api.ts";
import { useAction } from "./use_action.ts";

export function useAnalytics(streamId: string, ended: boolean, initial: StreamAnalytics | null) {
  const numbers = useSignal(initial);
  const loading = useAction();
  useEffect(() => {
    if (!ended || numbers.value) return;
    void loading.run(async () => {
      numbers.value = await getJson<StreamAnalytics>(
        `/api/streams/${encodeURIComponent(streamId)}/analytics`,
      );
    });
  }, [ended]);
  return { numbers: numbers.value, error: loading.error.value };
}
