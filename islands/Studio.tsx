// The seller's studio: camera preview, device choice, go live, the live controls
// (microphone, camera, screen share), connection quality, recording the replay, ending
// with a confirmation, then the replay in the preview's place and the stream's numbers,
// and deleting it when it is not live. While on air, leaving the page asks first and the
// header's links open a new tab.
import { type RefObject } from "preact";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { ConnectionQuality } from "livekit-client";
import { streamApi } from "@/lib/client/api.ts";
import { roomPhase as phase } from "@/lib/client/live_room.ts";
import { useKeepingUp } from "@/lib/client/use_keeping_up.ts";
import type { Phase } from "@/lib/client/stream_room.ts";
import { endedNow, useStreamState } from "@/lib/client/stream_status.ts";
import { useBroadcast } from "@/lib/client/use_broadcast.ts";
import { useFetchedOnce } from "@/lib/client/use_fetched_once.ts";
import { useLocalMedia } from "@/lib/client/use_local_media.ts";
import { useNewTabLinks } from "@/lib/client/use_new_tab_links.ts";
import { useOnline } from "@/lib/client/use_online.ts";
import { useReplay } from "@/lib/client/use_replay.ts";
import { signedOut } from "@/lib/client/signed_out.ts";
import { signInPath } from "@/lib/contract/paths.ts";
import type { ReplayTake, StreamAnalytics as Numbers } from "@/lib/contract/views.ts";
import { BroadcastControls } from "@/components/BroadcastControls.tsx";
import { ReplayStatus } from "@/components/ReplayStatus.tsx";
import { ReplayView } from "@/components/ReplayView.tsx";
import { StreamAnalytics } from "@/components/StreamAnalytics.tsx";
import { type DeleteRefusal, StreamDeletion } from "@/components/StreamDeletion.tsx";

export interface StudioProps {
  streamId: string;
  title: string;
  status: "created" | "live" | "ended";
  /** When the stream goes by itself if never taken live (ISO); null once it has been. */
  draftRemovedAt: string | null;
  /** Why deleting it was refused just now. */
  deleteRefusal?: DeleteRefusal;
  watchUrl: string;
  /** The stream's numbers, when it had ended before the page was rendered. */
  analytics: Numbers | null;
  /** Whether the seller chose to record the replay before (a resumed broadcast records again). */
  recording: boolean;
  /** The replay's takes, when the stream had ended before the page was rendered. */
  replay: ReplayTake[] | null;
}

const LABELS: Record<Phase, string> = {
  idle: "Preview · not live",
  connecting: "Connecting…",
  live: "● Live",
  reconnecting: "Reconnecting…",
  offline: "Disconnected",
  ended: "Stream ended",
  error: "Not live",
};

const QUALITY: Record<ConnectionQuality, string> = {
  [ConnectionQuality.Excellent]: "Connection: excellent",
  [ConnectionQuality.Good]: "Connection: good",
  [ConnectionQuality.Poor]: "Connection: poor — viewers may see lower quality",
  [ConnectionQuality.Lost]: "Connection: lost",
  [ConnectionQuality.Unknown]: "Connection: checking…",
};

/** While on air (or saving the replay), closing, reloading or leaving the page asks first. */
function useLeaveWarning(onAir: boolean) {
  useEffect(() => {
    if (!onAir) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // What older browsers need to ask.
      event.returnValue = true;
    };
    addEventListener("beforeunload", ask);
    return () => removeEventListener("beforeunload", ask);
  }, [onAir]);
}

/**
 * Ending (here, or from another tab) takes the controls away, and the keyboard's focus with
 * them: it goes to what the studio says now ("Stream ended"), not to the page. A page
 * opened on an ended stream leaves the focus alone.
 */
function useFocusOnEnd(ended: boolean): RefObject<HTMLSpanElement> {
  const said = useRef<HTMLSpanElement>(null);
  const endedAtLoad = useRef(ended);
  useLayoutEffect(() => {
    if (ended && !endedAtLoad.current && document.activeElement === document.body) said.current?.focus();
  }, [ended]);
  return said;
}

/** The studio's tools besides the broadcast, which need the seller's session to work. */
const TOOLS = ".showcase-controls, .sales-feed, .studio-moderation";

/**
 * Signed out, the page's other tools stop (their requests would be refused as from
 * nobody): out of reach, dimmed, their own failures left unsaid, as the studio says it
 * once. The chat still shows what viewers write.
 */
function usePausedTools(paused: boolean): RefObject<HTMLElement> {
  const studio = useRef<HTMLElement>(null);
  useEffect(() => {
    const page = studio.current?.closest(".studio-page");
    page?.toggleAttribute("data-signed-out", paused);
    page?.querySelectorAll<HTMLElement>(TOOLS).forEach((tools) => tools.inert = paused);
  }, [paused]);
  return studio;
}

export default function Studio(
  { streamId, title, status, draftRemovedAt, deleteRefusal, watchUrl, analytics, recording, replay: takes }:
    StudioProps,
) {
  const preview = useRef<HTMLVideoElement>(null);
  const online = useOnline();
  // Followed, so a studio open in another tab learns the stream went live or ended.
  const stream = useStreamState(streamId, status, "here");
  // The camera stops once the stream has ended, here or in another tab.
  const media = useLocalMedia(preview, stream.status !== "ended");
  const cast = useBroadcast(streamId, media);

  // An ended stream shows as ended from the first render, on the server too.
  const current: Phase = stream.status === "ended" || endedNow() ? "ended" : phase.value;
  const onAir = current === "live" || current === "reconnecting";
  const badge = useFocusOnEnd(current === "ended");
  // Taking over a broadcast that was being recorded records on.
  const recordedBefore = recording || cast.recorded.value;
  const replay = useReplay(streamId, media, onAir, recordedBefore);
  // Leaving while the replay's last parts are on their way would lose them.
  useLeaveWarning(onAir || replay.recorder.state.value === "saving");
  useNewTabLinks(onAir);
  const api = streamApi(streamId);
  const studio = usePausedTools(signedOut.value);
  const numbers = useFetchedOnce<Numbers>(`${api}/analytics`, current === "ended", analytics);
  // Once this page has sent all it recorded, the whole replay (other tabs' takes too).
  const settled = current === "ended" && ["off", "saved"].includes(replay.recorder.state.value);
  const saved = useFetchedOnce<{ takes: ReplayTake[] }>(`${api}/replay`, settled, takes && { takes });
  const replayTakes = settled ? saved.value?.takes ?? null : null;
  useKeepingUp(!onAir && current !== "ended");
  // With a camera, a microphone, or both: whatever of them there is goes live.
  const canGoLive = ["idle", "offline", "error"].includes(current) &&
    !!(media.video.value || media.audio.value);
  // Live on the server, not from this page (reopened, its connection lost, or taken over by
  // another tab): resumable, and endable.
  const liveElsewhere = (stream.status === "live" || cast.replaced.value) && !onAir && current !== "ended";
  const goLiveLabel = !canGoLive
    ? null
    : liveElsewhere
    ? "Resume broadcast"
    : current === "offline"
    ? "Go live again"
    : "Go live";
  return (
    <section class="studio" data-phase={current} ref={studio}>
      <div class="stage">
        {/* Kept for the camera's hook, hidden once ended: the replay plays below instead. */}
        <video
          ref={preview}
          autoplay
          muted
          playsInline
          aria-label="Your camera preview"
          hidden={current === "ended"}
        />
        <span class={`badge badge-${current}`} role="status" tabIndex={-1} ref={badge}>
          {liveElsewhere && (current === "idle" || cast.replaced.value)
            ? "Live · not broadcasting from here"
            : LABELS[current]}
        </span>
        {current !== "ended" && !cast.cameraOn.value && (
          <p class="banner banner-camera-off">Your camera is off</p>
        )}
        {/* Why there is no camera is said by the controls, with Try again. */}
        {current !== "ended" && media.audio.value && !media.video.value && (
          <p class="banner banner-camera-off">Sound only</p>
        )}
      </div>
      {!online.value && current !== "ended" && (
        <p class="notice error studio-offline" role="alert">
          You're offline: Showfloor can't hear from this page until the connection is back. Viewers may see
          your video all the same.
        </p>
      )}
      {media.error.value && <p class="notice error" role="alert">{media.error.value}</p>}
      {signedOut.value
        ? (
          <SignedOut
            streamId={streamId}
            onAir={onAir}
            recording={replay.recorder.state.value === "recording"}
          />
        )
        : cast.notice.value && (
          <p class="notice error" role="alert">
            {cast.notice.value}
            {cast.otherLive.value && (
              <>
                {" "}
                <a href={`/studio/${cast.otherLive.value.id}`} dir="auto">
                  Open the studio of “{cast.otherLive.value.title}”
                </a>
              </>
            )}
          </p>
        )}
      {liveElsewhere && cast.replaced.value && (
        <p class="notice" role="status">
          {stream.presence === "here"
            ? "You're broadcasting from another tab or device now, so this page stopped. Press Resume broadcast to broadcast from here instead."
            // That other one closed or lost its connection: viewers wait for the seller.
            : "Your other tab or device stopped broadcasting, and viewers are waiting. Press Resume broadcast to go on from here."}
        </p>
      )}
      {onAir && online.value && (
        <p class={`connection-quality quality-${cast.quality.value}`} data-quality={cast.quality.value}>
          {QUALITY[cast.quality.value]}
        </p>
      )}
      {current !== "ended" && (
        <BroadcastControls
          media={media}
          cast={cast}
          onAir={onAir}
          canEnd={onAir || liveElsewhere}
          goLiveLabel={goLiveLabel}
        />
      )}
      <ReplayStatus
        replay={replay}
        onAir={onAir}
        ended={current === "ended"}
        takes={replayTakes}
        earlierTakes={recordedBefore}
        watchUrl={watchUrl}
      />
      {replayTakes && <ReplayView takes={replayTakes} seller />}
      {saved.error && <p class="notice error" role="alert">{saved.error}</p>}
      <p class="share">
        Watch link: <a href={watchUrl} target="_blank" rel="noopener">{watchUrl}</a>
      </p>
      {numbers.error && <p class="notice error" role="alert">{numbers.error}</p>}
      {numbers.value && <StreamAnalytics analytics={numbers.value} />}
      {/* A draft not going live from here, or a stream that has ended; or why deleting was refused. */}
      {(current === "ended" || (stream.status === "created" && current === "idle") || deleteRefusal) && (
        <StreamDeletion
          streamId={streamId}
          title={title}
          draftRemovedAt={current === "ended" ? null : draftRemovedAt}
          refusal={deleteRefusal}
        />
      )}
    </section>
  );
}

/**
 * The seller's session ended (signed out from elsewhere, a password change): said once, with
 * the way back. On air, signing in opens in a new tab, so the broadcast and the replay's
 * waiting parts go on here; once signed in, this page's next request finds it so.
 */
function SignedOut({ streamId, onAir, recording }: { streamId: string; onAir: boolean; recording: boolean }) {
  const back = signInPath(`/studio/${streamId}`, true);
  return (
    <p class="notice error signed-out" role="alert">
      You were signed out, so your tools stopped{recording && " and the replay waits to be saved"}.
      {onAir && " Viewers still see and hear you."}{" "}
      <a href={back} target={onAir ? "_blank" : undefined}>Sign in again</a> to go on.
    </p>
  );
}
