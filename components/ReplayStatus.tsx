import type { Replay } from "@/lib/client/use_replay.ts";
import type { ReplayTake } from "@/lib/contract/views.ts";

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

const HELD = {
  offline: "Can't reach Showfloor: the rest will be sent when the connection is back",
  disk_full:
    "The server is short of disk space: the rest will be sent when it has room (keep this page open)",
  signed_out: "Waiting for you to sign in again: the rest will be sent then (keep this page open)",
};

interface ReplayStatusProps {
  replay: Replay;
  onAir: boolean;
  ended: boolean;
  /**
   * The ended stream's replay, every take from any tab or device, once this page has none
   * left to send (null until then).
   */
  takes: ReplayTake[] | null;
  /**
   * The stream had takes before this page recorded (a closed tab's, another device's): the
   * size said is this page's alone, and a small one is no loss.
   */
  earlierTakes: boolean;
  watchUrl: string;
}

/**
 * Before going live, whether to record a replay; while live and after, how the recording
 * goes. Only its changes of state are announced (recording, saved, stopped): the count of
 * what is saved, growing every few seconds beside them, is not.
 */
export function ReplayStatus({ replay, onAir, ended, takes, earlierTakes, watchUrl }: ReplayStatusProps) {
  const { state, saved, problem, waiting } = replay.recorder;
  const sending = state.value === "recording" || state.value === "saving";
  // Ended, this page's own takes are only a share of the replay: said once all are known.
  const words = takes
    ? takes.length > 0
      ? <SavedReplay takes={takes} watchUrl={watchUrl} />
      : "This stream was not recorded, so it has no replay."
    : {
      // Chosen, it starts a moment after going live (once the camera's tracks are published).
      off: onAir ? replay.wanted.value ? "Starting the recording…" : "Not recording a replay" : "",
      recording: "● Recording the replay",
      saving: "Saving the replay…",
      saved: ended
        ? ""
        : `Replay saved (${
          megabytes(saved.value)
        }): it plays on the stream's page once the stream has ended.`,
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
        {sending && ` · ${megabytes(saved.value)} saved${earlierTakes ? " from this page" : ""}`}
      </p>
    </>
  );
}

/** The ended stream's replay, every take together, in the seller's words. */
function SavedReplay({ takes, watchUrl }: { takes: ReplayTake[]; watchUrl: string }) {
  const bytes = megabytes(takes.reduce((sum, take) => sum + take.bytes, 0));
  return (
    <>
      The stream has ended. Its replay is saved ({takes.length > 1
        ? `${takes.length} parts, ${bytes}`
        : bytes}): <a href={`${watchUrl}#replay-heading`}>watch it on the stream's page</a>.
    </>
  );
}
