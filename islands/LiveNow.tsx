// The home page's list of who is live, kept current: asked again every 10 s while the
// tab is shown, and at once when it is shown again, so streams appear and go without a
// reload; when the server cannot be reached, it says the list may be out of date.
// Rendered on the server first; without JavaScript it is the list at load. Past the
// first few, it says how many more are live.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { getJson } from "@/lib/client/api.ts";
import type { LiveList } from "@/lib/contract/views.ts";
import { StreamList } from "@/components/StreamList.tsx";

const EVERY_MS = 10_000;

export default function LiveNow({ initial }: { initial: LiveList }) {
  const list = useSignal(initial);
  const stale = useSignal(false);
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      // A failed ask keeps the list as it is, saying so; the next one tries again.
      getJson<LiveList>("/api/live").then(
        (page) => (list.value = page, stale.value = false),
        () => stale.value = true,
      );
    };
    const timer = setInterval(refresh, EVERY_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => (clearInterval(timer), document.removeEventListener("visibilitychange", refresh));
  }, []);
  const { live, more } = list.value;
  return (
    <div class="live-now" data-stale={stale.value || undefined}>
      {stale.value && (
        <p class="notice" role="status">Can't reach Showfloor: this list may be out of date. Trying again…</p>
      )}
      {live.length ? <StreamList streams={live} hrefOf={(s) => `/watch/${s.id}`} /> : (
        <p class="muted">
          Nobody is live right now. Sellers: <a href="/studio">open your studio</a> to go live.
        </p>
      )}
      {more > 0 && <p class="muted">…and {more} more live now.</p>}
    </div>
  );
}
