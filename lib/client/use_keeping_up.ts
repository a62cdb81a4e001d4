import { useEffect } from "preact/hooks";
import { liveRoom } from "./live_room.ts";

/**
 * Keeps the studio's islands current where the room's messages may miss them: when the
 * tab is shown again (a product edited on the Products page meanwhile, say), and while
 * the studio is outside the stream's room (before going live, reopened, its connection
 * lost) every few seconds while the tab is shown, and at once when the seller's studio
 * broadcasting in another tab of this browser hears of a change.
 */
export function useKeepingUp(outside: boolean): void {
  useEffect(() => {
    const resync = () => document.visibilityState === "visible" && liveRoom().resync();
    document.addEventListener("visibilitychange", resync);
    const timer = outside ? setInterval(resync, 5_000) : undefined;
    // Only the broadcasting tab is in the room: it passes what changed on to the others.
    const tabs = new BroadcastChannel("studio-changed");
    tabs.onmessage = () => outside && resync();
    const off = liveRoom().on("changed", () => tabs.postMessage("changed"));
    return () => {
      document.removeEventListener("visibilitychange", resync);
      clearInterval(timer);
      tabs.close();
      off();
    };
  }, [outside]);
}
