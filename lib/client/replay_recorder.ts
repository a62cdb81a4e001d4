// The studio's recording of the replay: MediaRecorder over the camera and microphone the
// seller broadcasts, a part every few seconds, each sent in order, and sent again while the
// server cannot be reached (the studio says so; waiting longer each time) until it has
// counted it, so a network blip (or the seller signed out meanwhile) loses nothing. A recorder cannot change tracks, so when the camera or microphone
// restarts (a device switch, the camera back on, a resumed broadcast) the take ends and
// a new one begins.
import { signal } from "@preact/signals";
import { REPLAY_TYPES, type ReplayType } from "@/lib/contract/limits.ts";
import type { TakeProgress } from "@/lib/contract/views.ts";
import { ApiError, messageOf, postJson, putBytes, unreachable } from "./api.ts";
import { watchingSession } from "./signed_out.ts";

export type ReplayState = "off" | "recording" | "saving" | "saved" | "full" | "failed";

/** How much video goes into one part: a few seconds, well under the server's part limit. */
const PART_MS = 3_000;
const VIDEO_BITS_PER_SECOND = 1_000_000;
const RETRY_MAX_MS = 15_000;

interface TakeAnswer {
  take: TakeProgress;
}

/** The first type this browser records in that the server keeps, with the codecs it prefers. */
function recordingType(): { base: ReplayType; mime: string } | null {
  const candidates = ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"];
  const mime = globalThis.MediaRecorder && candidates.find((t) => MediaRecorder.isTypeSupported(t));
  const base = mime && REPLAY_TYPES.find((type) => mime.startsWith(type));
  return mime && base ? { base, mime } : null;
}

export class ReplayRecorder {
  readonly state = signal<ReplayState>("off");
  /** Bytes the server has counted, every take of this page together. */
  readonly saved = signal(0);
  /** Why the recording stopped, in plain words, when it did. */
  readonly problem = signal("");
  /**
   * Why what is recorded waits to be sent, while it does: the server cannot be reached, its
   * disk is full, or the seller was signed out (sent once they sign in again, in any tab).
   */
  readonly waiting = signal<Waiting>("");
  #recorder: MediaRecorder | null = null;
  /** The take being recorded. */
  #takeId: string | null = null;
  #uploads: Promise<void> = Promise.resolve();
  /** Bytes counted so far, by take. */
  #takes = new Map<string, number>();
  /** Takes the server refused for good: their remaining parts are dropped. */
  #refused = new Set<string>();
  /** Bumped by every stop: a start still waiting for its take then records nothing. */
  #generation = 0;

  constructor(private readonly api: string) {}

  /**
   * Ends the take being recorded, if any, and starts a new one of `tracks`, naming this
   * page's LiveKit connection: if the page is closed or reloaded while live, the server
   * knows from LiveKit that the take is whole.
   */
  async start(tracks: MediaStreamTrack[], studio?: string): Promise<void> {
    this.stop();
    if (this.state.value === "full") return;
    const generation = this.#generation;
    const type = recordingType();
    if (!type) return this.#fail("This browser cannot record a replay.");
    const answer = await this.#persist(() =>
      postJson<TakeAnswer>(`${this.api}/replay`, { type: type.base, studio })
    );
    // Stopped, or started again, while the take was being made.
    if (generation !== this.#generation) return;
    if (answer instanceof ApiError) return this.#fail(messageOf(answer));
    const takeId = answer.take.id;
    const recorder = new MediaRecorder(new MediaStream(tracks), {
      mimeType: type.mime,
      videoBitsPerSecond: VIDEO_BITS_PER_SECOND,
    });
    let part = 0;
    recorder.ondataavailable = ({ data }) => {
      if (data.size) this.#send(takeId, part++, data);
    };
    // Stopped by stop(), or by itself when its tracks end (the broadcast's end stops them):
    // its last part arrived (and was queued) just before, so once the queue empties the take
    // is complete (the server then serves it seekable) and all is saved.
    recorder.onstop = () => {
      if (this.#recorder === recorder) this.stop();
      this.#uploads = this.#uploads.then(() => this.#complete(takeId));
      void this.#uploads.then(() => {
        if (this.state.value === "saving") this.state.value = "saved";
      });
    };
    recorder.start(PART_MS);
    this.#recorder = recorder;
    this.#takeId = takeId;
    this.state.value = "recording";
  }

  /** Ends the take: its last part is sent like the others, and it is saved once all are counted. */
  stop(): void {
    this.#generation++;
    const recorder = this.#recorder;
    this.#recorder = this.#takeId = null;
    if (this.state.value === "recording") this.state.value = "saving";
    if (recorder && recorder.state !== "inactive") recorder.stop();
  }

  async #complete(takeId: string): Promise<void> {
    if (this.#refused.has(takeId)) return;
    await this.#persist(() => postJson<TakeAnswer>(`${this.api}/replay/${takeId}/complete`));
  }

  #send(takeId: string, part: number, data: Blob) {
    this.#uploads = this.#uploads.then(() => this.#upload(takeId, part, data));
  }

  async #upload(takeId: string, part: number, data: Blob): Promise<void> {
    if (this.state.value === "full" || this.#refused.has(takeId)) return;
    const answer = await this.#persist(() =>
      putBytes<TakeAnswer>(`${this.api}/replay/${takeId}/${part}`, data)
    );
    if (answer instanceof ApiError) {
      // Refused for good (no room left, the stream long over): this take stops, saying why.
      this.#refused.add(takeId);
      if (this.#takeId !== takeId && answer.code !== "replay_full") return;
      this.stop();
      this.state.value = answer.code === "replay_full" ? "full" : "failed";
      this.problem.value = messageOf(answer);
      return;
    }
    this.#takes.set(takeId, answer.take.bytes);
    this.saved.value = [...this.#takes.values()].reduce((sum, bytes) => sum + bytes, 0);
  }

  /**
   * `send`, sent again while the server cannot be reached, or asks to wait (429: for as long
   * as it says), waiting longer each time; any other refusal is for good, returned, not thrown.
   */
  async #persist<T>(send: () => Promise<T>): Promise<T | ApiError> {
    for (let wait = 1_000;; wait = Math.min(wait * 2, RETRY_MAX_MS)) {
      try {
        const answer = await watchingSession(send());
        this.waiting.value = "";
        return answer;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const reason = waitFor(error);
        if (reason === null) return error;
        this.waiting.value = reason;
        // The server's disk nearly full: as for a refusal to go faster, it says how long.
        const later = error.status === 429 || error.code === "disk_full";
        const asked = later ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
        await new Promise((resolve) => setTimeout(resolve, Math.max(wait, asked)));
      }
    }
  }

  #fail(problem: string) {
    this.state.value = "failed";
    this.problem.value = problem;
  }
}

/** Why the studio waits to send again ("" for a plain refusal to go faster). */
type Waiting = "" | "offline" | "disk_full" | "signed_out";

/** Why a refused send is tried again later, or null: refused for good. */
function waitFor(error: ApiError): Waiting | null {
  if (error.code === "disk_full") return "disk_full";
  if (error.status === 401) return "signed_out";
  if (error.status === 429) return "";
  return unreachable(error) ? "offline" : null;
}
