import { useEffect } from "preact/hooks";
import { liveRoom } from "./live_room.ts";

/**
 * Keeps the studio's islands current where the room's messages may miss them: when the
 * tab is shown again (a product edited on the Products page meanwhile, say), and while
 * the studio is outside the stream's room (before going live, reopened, its connection
 * lost) every few seconds while the tab is shown.
 */
export function useKeepingUp(outside: boolean): void {
  useEffect(() => {
    const resync = () => document.visibilityState === "visible" && liveRoom().resync();
    document.addEventListener("visibilitychange", resync);
    const timer = outside ? setInterval(resync, 5_000) : undefined;
    return () => (document.removeEventListener("visibilitychange", resync), clearInterval(timer));
  }, [outside]);
}
