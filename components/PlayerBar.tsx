import type { Quality, SellerMedia } from "@/lib/client/use_seller_media.ts";

/** Under the playing video: the seller's muted mic, the quality choice and fullscreen. */
export function PlayerBar({ media, onFullscreen }: { media: SellerMedia; onFullscreen: () => void }) {
  return (
    <div class="player-bar">
      {media.micMuted.value && <span class="badge mic-muted">Seller's mic is off</span>}
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
      <button type="button" class="fullscreen" onClick={onFullscreen}>⛶ Fullscreen</button>
    </div>
  );
}
