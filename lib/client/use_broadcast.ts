// The seller's broadcast: going live and ending, and the controls a professional expects
// while live (mute, camera off, screen share), plus how LiveKit rates their connection.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { ConnectionQuality, ConnectionState, DisconnectReason, RoomEvent, Track } from "livekit-client";
import { ApiError, getJson, messageOf, postJson, streamApi } from "./api.ts";
import { liveRoom, roomPhase as phase } from "./live_room.ts";
import { onRoomEvents } from "./room_events.ts";
import { watchingSession } from "./signed_out.ts";
import { useAction } from "./use_action.ts";
import type { LocalMedia } from "./use_local_media.ts";

/** One of the seller's streams, as their list has it. */
interface OwnStream {
  id: string;
  title: string;
  status: string;
}

export interface Broadcast {
  notice: Signal<string>;
  /** Going live was refused as another of the seller's streams is live: that one, to end it. */
  otherLive: Signal<OwnStream | null>;
  /** The broadcast went on from another tab or device (./one_studio.ts on the server), so this page stopped. */
  replaced: Signal<boolean>;
  /** The stream was being recorded when this page went live (from another tab, say): it records on. */
  recorded: Signal<boolean>;
  micOn: Signal<boolean>;
  cameraOn: Signal<boolean>;
  sharing: Signal<boolean>;
  quality: Signal<ConnectionQuality>;
  goLive(): Promise<void>;
  end(): Promise<void>;
  toggleMic(): Promise<void>;
  toggleCamera(): Promise<void>;
  toggleShare(): Promise<void>;
  /** Try again for a missing camera or microphone: on air, what it brings is published at once. */
  retryDevices(): Promise<void>;
}

export function useBroadcast(streamId: string, media: LocalMedia): Broadcast {
  const { error: notice, run } = useAction();
  const micOn = useSignal(true);
  const cameraOn = useSignal(true);
  const { sharing, quality, replaced } = useOwnConnection();
  const recorded = useSignal(false);
  const otherLive = useSignal<OwnStream | null>(null);
  const api = streamApi(streamId);
  const publishMedia = usePublisher(media);

  // Outside the room (the studio keeping up before going live) there is nothing to publish to.
  const publishIfIn = async () => {
    if (liveRoom().room.state === ConnectionState.Connected) await publishMedia();
  };

  useEffect(() => {
    // Back in the room after a drop: publish again what is missing. Not as an action: the
    // studio outside its room resyncs every few seconds, which would wipe what a refusal said.
    const offResync = liveRoom().onResync(() =>
      void publishIfIn().catch((error) => notice.value = messageOf(error))
    );
    return () => {
      offResync();
      void liveRoom().room.disconnect();
    };
  }, []);

  // Runs an action; a failure shows in plain words instead of vanishing.
  const guard = (action: () => Promise<unknown>, failure?: string) => async () =>
    void await run(action, failure);

  return {
    notice,
    otherLive,
    replaced,
    recorded,
    micOn,
    cameraOn,
    sharing,
    quality,
    goLive: guard(async () => {
      replaced.value = false;
      otherLive.value = null;
      try {
        recorded.value = (await watchingSession(postJson<{ recorded: boolean }>(`${api}/live`))).recorded;
        await liveRoom().join(streamId, "host");
        await publishMedia();
      } catch (error) {
        phase.value = "error";
        await liveRoom().room.disconnect(false);
        if (error instanceof ApiError && error.code === "already_live") {
          otherLive.value = await findLive().catch(() => null);
        }
        throw error;
      }
    }),
    end: guard(async () => {
      await watchingSession(postJson(`${api}/end`));
      phase.value = "ended";
      await liveRoom().room.disconnect();
      media.video.value?.stop();
      media.audio.value?.stop();
    }),
    toggleMic: guard(async () => {
      await (micOn.value ? media.audio.value?.mute() : media.audio.value?.unmute());
      micOn.value = !micOn.value;
    }, "Your microphone could not be switched. Check it is connected."),
    toggleCamera: guard(async () => {
      await (cameraOn.value ? media.video.value?.mute() : media.video.value?.unmute());
      cameraOn.value = !cameraOn.value;
    }, "Your camera could not be switched. Check it is connected."),
    toggleShare: guard(
      () => liveRoom().room.localParticipant.setScreenShareEnabled(!sharing.value),
      "Screen sharing was cancelled or is blocked by your browser.",
    ),
    retryDevices: guard(async () => {
      await media.retry();
      await publishIfIn();
    }),
  };
}

/** The seller's stream that is live, to link to its studio (the refusal names it, not where it is). */
async function findLive(): Promise<OwnStream | null> {
  const { streams } = await getJson<{ streams: OwnStream[] }>("/api/streams");
  return streams.find((s) => s.status === "live") ?? null;
}

/**
 * Publishes whatever of the seller's camera and microphone is not yet published: on going
 * live, and after a rejoin. Calls that overlap share one run, so a track is never
 * published twice.
 */
function usePublisher(media: LocalMedia): () => Promise<void> {
  const publishing = useRef<Promise<void> | null>(null);
  return () => {
    publishing.current ??= (async () => {
      const { localParticipant } = liveRoom().room;
      await media.ensureRunning();
      const tracks = [[media.video.value, Track.Source.Camera], [
        media.audio.value,
        Track.Source.Microphone,
      ]] as const;
      for (const [track, source] of tracks) {
        if (track && !localParticipant.getTrackPublication(source)) {
          await localParticipant.publishTrack(track, { source });
        }
      }
    })().finally(() => publishing.current = null);
    return publishing.current;
  };
}

/**
 * What LiveKit tells of the seller's own connection: whether they share their screen, its
 * quality, and whether the server let it go (a studio is only ever removed for a newer one).
 */
function useOwnConnection() {
  const sharing = useSignal(false);
  const quality = useSignal(ConnectionQuality.Unknown);
  const replaced = useSignal(false);
  useEffect(() => {
    const { room } = liveRoom();
    const syncShare = () => sharing.value = room.localParticipant.isScreenShareEnabled;
    const rate = (q: ConnectionQuality, p: { isLocal: boolean }) => p.isLocal && (quality.value = q);
    return onRoomEvents(room, {
      [RoomEvent.ConnectionQualityChanged]: rate,
      [RoomEvent.LocalTrackPublished]: syncShare,
      [RoomEvent.LocalTrackUnpublished]: syncShare,
      [RoomEvent.Disconnected]: (reason) => replaced.value = reason === DisconnectReason.PARTICIPANT_REMOVED,
    });
  }, []);
  return { sharing, quality, replaced };
}
