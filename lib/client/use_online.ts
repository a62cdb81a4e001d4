// Whether the browser says it has a network: false from the moment it loses it, so a page
// can say so before anything it sends fails.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";

export function useOnline(): Signal<boolean> {
  const online = useSignal(true);
  useEffect(() => {
    const update = () => online.value = navigator.onLine;
    update();
    addEventListener("online", update);
    addEventListener("offline", update);
    return () => {
      removeEventListener("online", update);
      removeEventListener("offline", update);
    };
  }, []);
  return online;
}
