// The viewer's player: waits until the stream starts, plays as soon as the seller publishes,
// offers "tap to unmute" when the browser blocks audio, a quality choice and fullscreen,
// and shows when the seller's connection drops, when ours does, when the stream ends (then
// its replay), and when this viewer may not watch (banned, or the stream is full).
import { useRef } from "preact/hooks";
import { liveRoom, roomPhase as phase } from "@/lib/client/live_room.ts";
import { type Refusal, useViewerRoom } from "@/lib/client/use_viewer_room.ts";
import type { Phase } from "@/lib/client/stream_room.ts";
import { useSellerMedia } from "@/lib/client/use_seller_media.ts";
import { useEndedReplay } from "@/lib/client/use_ended_replay.ts";
import { useOnline } from "@/lib/client/use_online.ts";
import { PlayerBar } from "@/components/PlayerBar.tsx";
import { ReplayView } from "@/components/ReplayView.tsx";
import type { JoinTicket, ReplayTake, SellerPresence } from "@/lib/contract/views.ts";

export interface WatchPlayerProps {
  streamId: string;
  status: "created" | "live" | "ended";
  presence: SellerPresence;
  /** Set when the server mints this viewer no token. */
  refusal: Refusal;
  /** The room ticket rendered with the page: the player connects at once with it. */
  join: JoinTicket | null;
  /** The room's last message (`seq`) when the page was rendered. */
  seq: number;
  /** An ended stream's replay, as the page was rendered (none for a refusal, which it keeps). */
  replay: ReplayTake[];
}

type View =
  | Exclude<Phase, "live" | "idle">
  | "waiting"
  | "starting"
  | "dropped"
  | "away"
  | "playing"
  | "banned"
  | "full";

const BANNERS: Record<View, string> = {
  connecting: "Connecting…",
  waiting: "The stream is offline: it hasn't started yet. It plays here as soon as the seller goes live.",
  starting: "The video starts in a moment…",
  dropped: "The seller's connection dropped. Waiting for them to come back…",
  away: "The seller is away. The stream goes on here as soon as they are back.",
  // Said, not shown (the "● Live" badge shows it): a screen reader hears the video started.
  playing: "The stream is live.",
  reconnecting: "Connection lost. Reconnecting…",
  offline: "You were disconnected.",
  ended: "This stream has ended. Thanks for watching!",
  error: "",
  banned: "You were banned from this shop's streams.",
  full: "This stream is full. Try again in a little while.",
};

export default function WatchPlayer(
  { streamId, status, presence, refusal, join, seq, replay: rendered }: WatchPlayerProps,
) {
  const stage = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLVideoElement>(null);
  const pip = useRef<HTMLVideoElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const { stream, audioBlocked, notice, refused } = useViewerRoom(streamId, status, presence, refusal, {
    ticket: join,
    seq,
  });
  const media = useSellerMedia(() => status === "ended" ? null : liveRoom().room, { main, pip, audio });

  // The browser knows the network is gone at once; LiveKit, when its pings time out.
  const online = useOnline().value;
  const view = refused ??
    (online || stream.status === "ended"
      ? viewOf(stream.status, phase.value, media.hasVideo.value, stream.presence)
      : "reconnecting");
  // Ended while open (or while its last parts were saved): the replay takes the player's place.
  const replay = useEndedReplay(streamId, view === "ended", rendered);
  if (replay.takes.length && !replay.saving) return <ReplayView takes={replay.takes} />;
  const banner = view === "error"
    ? notice
    : replay.saving
    ? `${BANNERS.ended} Its replay will be here in a moment…`
    : BANNERS[view];
  return (
    <section class="player" data-phase={view}>
      <div class="stage" ref={stage}>
        <video ref={main} class="main-video" autoplay muted playsInline aria-label="Live video" />
        <video ref={pip} class="pip-video" hidden={!media.hasPip.value} autoplay muted playsInline />
        <audio ref={audio} autoplay />
        {banner && (
          <p class={view === "playing" ? "visually-hidden" : `banner banner-${view}`} role="status">
            {banner}
          </p>
        )}
        {view === "playing" && <span class="badge badge-live on-video">● Live</span>}
        {view === "playing" && media.cameraMuted.value && !media.hasPip.value && (
          <p class="banner banner-camera-off" role="status">The seller's camera is off.</p>
        )}
        {(view === "offline" || view === "error" || view === "full") && (
          <button
            type="button"
            class="primary overlay-button"
            onClick={() => location.reload()}
          >
            Try again
          </button>
        )}
        {view === "playing" && audioBlocked && (
          <button
            type="button"
            class="primary overlay-button"
            onClick={() => liveRoom().room.startAudio()}
          >
            🔇 Tap to unmute
          </button>
        )}
      </div>
      {view !== "ended" && !refused && (
        <PlayerBar
          playing={view === "playing"}
          media={media}
          onFullscreen={() => stage.current?.requestFullscreen()}
        />
      )}
    </section>
  );
}

function viewOf(
  status: WatchPlayerProps["status"],
  phase: Phase,
  hasVideo: boolean,
  presence: SellerPresence,
): View {
  if (status === "ended") return "ended";
  if (phase === "idle") return "connecting";
  if (phase !== "live") return phase;
  if (hasVideo) return "playing";
  // Live with the seller here but no picture yet: going live, or back after a drop.
  if (presence === "here") return status === "live" ? "starting" : "waiting";
  return presence === "away" ? "away" : "dropped";
}
