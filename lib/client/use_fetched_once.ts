// What the studio shows once the stream has ended (its numbers, its whole replay):
// rendered with the page when it had already ended, fetched once when it ends while the
// page is open.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { getJson } from "./api.ts";
import { useAction } from "./use_action.ts";

/** `initial` when given, else what `url` answers once `ready` turns true. */
export function useFetchedOnce<T>(url: string, ready: boolean, initial: T | null) {
  const value = useSignal(initial);
  const loading = useAction();
  useEffect(() => {
    if (!ready || value.value) return;
    void loading.run(async () => {
      value.value = await getJson<T>(url);
    });
  }, [ready]);
  return { value: value.value, error: loading.error.value };
}
