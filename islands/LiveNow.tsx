// The home page's list of who is live, kept current: asked again every 10 s while the
// tab is shown, and at once when it is shown again, so streams appear and go without a
// reload. Rendered on the server first; without JavaScript it is the list at load.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { getJson } from "@/lib/client/api.ts";
import type { StreamCard } from "@/lib/contract/views.ts";
import { StreamList } from "@/components/StreamList.tsx";

const EVERY_MS = 10_000;

export default function LiveNow({ initial }: { initial: StreamCard[] }) {
  const live = useSignal(initial);
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      // A failed ask keeps the list as it is; the next one tries again.
      getJson<{ live: StreamCard[] }>("/api/live").then((page) => live.value = page.live, () => {});
    };
    const timer = setInterval(refresh, EVERY_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => (clearInterval(timer), document.removeEventListener("visibilitychange", refresh));
  }, []);
  return live.value.length
    ? <StreamList streams={live.value} hrefOf={(s) => `/watch/${s.id}`} />
    : (
      <p class="muted">
        Nobody is live right now. Sellers: <a href="/studio">open your studio</a> to go live.
      </p>
    );
}
