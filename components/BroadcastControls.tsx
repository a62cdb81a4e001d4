import { useSignal } from "@preact/signals";
import { useLayoutEffect, useRef } from "preact/hooks";
import type { Broadcast } from "@/lib/client/use_broadcast.ts";
import { deviceIdOf, type LocalMedia } from "@/lib/client/use_local_media.ts";
import { DeviceSelect } from "./DeviceSelect.tsx";

interface BroadcastControlsProps {
  media: LocalMedia;
  cast: Broadcast;
  onAir: boolean;
  /** On air, or live on the server without this page broadcasting. */
  canEnd: boolean;
  /** Set when the seller may go live now: what the button says. */
  goLiveLabel: string | null;
}

/** The studio's controls: devices, mic, camera, screen share, go live, and end with a confirmation. */
export function BroadcastControls({ media, cast, onAir, canEnd, goLiveLabel }: BroadcastControlsProps) {
  const goLive = useRef<HTMLButtonElement>(null);
  const camera = useRef<HTMLButtonElement>(null);
  const microphone = useRef<HTMLButtonElement>(null);
  // What Try again asks for: on air, once it is there, its button (saying it is on) is next.
  const asked = useRef(camera);
  if (media.problem.value) asked.current = media.video.value ? microphone : camera;
  // Try again stays while it asks, keeping the focus if it fails; once all is there it goes,
  // and the focus goes to what the seller presses next rather than to the page.
  useLayoutEffect(() => {
    if (!media.problem.value && document.activeElement === document.body) {
      (goLive.current ?? asked.current.current)?.focus();
    }
  }, [media.problem.value]);
  const sources = [
    { label: "Camera", kind: "videoinput", track: media.video.value, devices: media.cameras.value },
    { label: "Microphone", kind: "audioinput", track: media.audio.value, devices: media.microphones.value },
  ] as const;
  const toggles = [
    {
      name: "mic",
      ref: microphone,
      track: media.audio.value,
      press: cast.toggleMic,
      words: !media.audio.value ? "🎙️ No microphone" : cast.micOn.value ? "🎙️ Mute" : "🔇 Unmute",
    },
    {
      name: "camera",
      ref: camera,
      track: media.video.value,
      press: cast.toggleCamera,
      words: !media.video.value ? "📷 No camera" : cast.cameraOn.value ? "📷 Camera off" : "📷 Camera on",
    },
  ];
  return (
    <div class="controls">
      {/* A list only of what there is: a seller without a microphone gets no empty one. */}
      {sources.map(({ label, kind, track, devices }) =>
        track && (
          <DeviceSelect
            key={kind}
            label={label}
            devices={devices}
            current={deviceIdOf(track)}
            onPick={(id) => media.switchDevice(kind, id)}
          />
        )
      )}
      {
        /* Each says what a press does ("Unmute"), or that there is nothing to press it for: a
          pressed state besides would say it twice over. */
      }
      {toggles.map(({ name, ref, track, press, words }) => (
        <button key={name} type="button" class={`toggle-${name}`} ref={ref} disabled={!track} onClick={press}>
          {words}
        </button>
      ))}
      {onAir && (
        <button
          type="button"
          class="toggle-share"
          onClick={cast.toggleShare}
        >
          {cast.sharing.value ? "🖥️ Stop sharing" : "🖥️ Share screen"}
        </button>
      )}
      {goLiveLabel && (
        <button type="button" class="primary" ref={goLive} onClick={cast.goLive}>{goLiveLabel}</button>
      )}
      {/* By Go live: what is missing, and asking again (on air, for what is missing alone). */}
      {media.problem.value && (
        <span class="capture-problem">
          <span role="alert">{media.problem.value}</span>
          <button type="button" class="primary" onClick={cast.retryDevices}>Try again</button>
        </span>
      )}
      {canEnd && <EndStreamButton onEnd={cast.end} onAir={onAir} />}
    </div>
  );
}

/**
 * End stream, asking first: one tap would otherwise end it for everyone. The question
 * takes the focus (on the safe answer), Escape keeps streaming, and the focus comes back.
 * Going live takes its button away: the focus comes here, what a seller presses next,
 * rather than to the page (left on it) or the first control.
 */
function EndStreamButton({ onEnd, onAir }: { onEnd: () => Promise<void>; onAir: boolean }) {
  const confirming = useSignal(false);
  const moved = useRef(false);
  const focused = useRef<HTMLButtonElement>(null);
  // Before the next paint, so a key pressed meanwhile lands on the new button.
  useLayoutEffect(() => {
    if (moved.current) focused.current?.focus();
    moved.current = true;
  }, [confirming.value]);
  useLayoutEffect(() => {
    if (onAir && document.activeElement === document.body) focused.current?.focus();
  }, [onAir]);
  const keep = () => confirming.value = false;
  if (!confirming.value) {
    return (
      <button type="button" class="danger" ref={focused} onClick={() => confirming.value = true}>
        End stream
      </button>
    );
  }
  return (
    <span
      class="confirm"
      role="group"
      aria-label="End the stream for everyone?"
      onKeyDown={(e) => e.key === "Escape" && keep()}
    >
      End the stream for everyone?
      <button
        type="button"
        class="danger"
        onClick={() => {
          confirming.value = false;
          void onEnd();
        }}
      >
        Yes, end it
      </button>
      <button type="button" ref={focused} onClick={keep}>Keep streaming</button>
    </span>
  );
}
