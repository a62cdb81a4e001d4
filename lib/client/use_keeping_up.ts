import { useEffect } from "preact/hooks";
import { liveRoom } from "./live_room.ts";

/**
 * While the studio is outside the stream's room (before going live, reopened, its
 * connection lost), the room's messages miss it: chat, reservations and reports reach
 * its islands by fetching them again every few seconds while the tab is shown.
 */
export function useKeepingUp(outside: boolean): void {
  useEffect(() => {
    if (!outside) return;
    const timer = setInterval(() => document.visibilityState === "visible" && liveRoom().resync(), 5_000);
    return () => clearInterval(timer);
  }, [outside]);
}
