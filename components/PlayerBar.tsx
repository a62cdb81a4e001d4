import type { Quality, SellerMedia } from "@/lib/client/use_seller_media.ts";

interface PlayerBarProps {
  media: SellerMedia;
  onFullscreen: () => void;
  /** False until the video plays: the bar is then an empty row of the same height. */
  playing: boolean;
}

/**
 * Under the video: the seller's muted mic, the quality choice and fullscreen once it plays.
 * Its row is there from the first paint, so nothing under the player moves when the video
 * starts (a tap aimed there would land elsewhere).
 */
export function PlayerBar({ media, onFullscreen, playing }: PlayerBarProps) {
  return (
    <div class="player-bar">
      {playing && (
        <>
          {media.micMuted.value && <span class="badge mic-muted" role="status">Seller's mic is off</span>}
          <label>
            Quality
            <select
              class="quality"
              value={media.quality.value}
              onChange={(e) => media.quality.value = e.currentTarget.value as Quality}
            >
              <option value="auto">Auto</option>
              <option value="high">High</option>
              <option value="medium">Medium</option>
              <option value="low">Low</option>
            </select>
          </label>
          <button type="button" class="fullscreen" onClick={onFullscreen}>Fullscreen</button>
        </>
      )}
    </div>
  );
}
