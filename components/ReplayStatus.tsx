import type { Replay } from "@/lib/client/use_replay.ts";

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

const HELD = {
  offline: "Can't reach Showfloor: the rest will be sent when the connection is back",
  disk_full:
    "The server is short of disk space: the rest will be sent when it has room (keep this page open)",
};

/**
 * Before going live, whether to record a replay; while live and after, how the recording
 * goes. Only its changes of state are announced (recording, saved, stopped): the count of
 * what is saved, growing every few seconds beside them, is not.
 */
export function ReplayStatus(
  { replay, onAir, ended, watchUrl }: { replay: Replay; onAir: boolean; ended: boolean; watchUrl: string },
) {
  const { state, saved, problem, waiting } = replay.recorder;
  const sending = state.value === "recording" || state.value === "saving";
  const words = {
    off: onAir ? "Not recording a replay" : "",
    recording: "● Recording the replay",
    saving: "Saving the replay…",
    saved: ended
      ? (
        <>
          Replay saved ({megabytes(saved.value)}):{" "}
          <a href={`${watchUrl}#replay-heading`}>watch it on the stream's page</a>.
        </>
      )
      : `Replay saved (${megabytes(saved.value)}): it plays on the stream's page once the stream has ended.`,
    full: problem.value,
    failed: `The replay stopped: ${problem.value}`,
  }[state.value];
  // What is recorded while the server cannot take it waits in the page; leaving loses it.
  const held = sending && waiting.value;
  return (
    <>
      {!onAir && !ended && state.value === "off" && (
        <label class="check replay-choice">
          <input
            type="checkbox"
            checked={replay.wanted.value}
            onChange={(e) => replay.wanted.value = e.currentTarget.checked}
          />
          Record a replay (viewers can watch it once the stream has ended)
        </label>
      )}
      {/* In the page from the first render: a live region added with its words is often not read. */}
      <p class={`replay-status replay-${state.value}`}>
        <span role="status">{words}{held && ` · ${HELD[held]}`}</span>
        {sending && ` · ${megabytes(saved.value)} saved`}
      </p>
    </>
  );
}
