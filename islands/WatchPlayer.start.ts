// The watch page's first script (islands.ts: a starter), before any island wakes: joins
// the stream's room with the ticket the page came with and plays the seller's picture and
// sound in the server-rendered player (lifting its "Connecting…" at the first frame), then
// lets the islands wake (the player island takes the room over) once that frame shows, or
// at once when none will come soon: nothing to join, the connection failed, or the seller
// sends no picture.
import { openEarlyRoom } from "@/lib/client/early_room.ts";
import { onFirstFrame, publishesVideo } from "@/lib/client/seller_tracks.ts";
import { pageSettled } from "@/lib/fresh/page_settled.ts";
import type { WatchPlayerProps } from "./WatchPlayer.tsx";

export function start({ streamId, status, refusal, join }: WatchPlayerProps, el: HTMLElement): void {
  const video = el.querySelector<HTMLVideoElement>(".main-video");
  const audio = el.querySelector("audio");
  if (status === "ended" || refusal || !join || !video) return pageSettled();
  const { room, connecting } = openEarlyRoom(streamId, join, { video, audio });
  onFirstFrame(video, () => {
    el.querySelector(".player")?.setAttribute("data-playing", "");
    pageSettled();
  });
  connecting.then(() => publishesVideo(room) || pageSettled(), pageSettled);
}
