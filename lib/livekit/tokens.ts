// Access tokens for a stream's room. Least privilege lives here: only the stream's
// owner may publish media, and only to that stream's room; everyone else subscribes.
// Nobody publishes data: every packet in a room comes from the server (architecture
// decision 5), so a participant cannot forge one.
import { AccessToken, TrackSource, type VideoGrant } from "livekit-server-sdk";
import { roomName } from "./names.ts";

/** Short, because a leaked token should stop working soon; LiveKit refreshes it in-room. */
export const TOKEN_TTL_SECONDS = 10 * 60;

export interface Keys {
  apiKey: string;
  apiSecret: string;
}

export interface Participant {
  identity: string;
  name: string;
}

export function sellerGrant(streamId: string): VideoGrant {
  return {
    room: roomName(streamId),
    roomJoin: true,
    canPublish: true,
    canPublishSources: [
      TrackSource.CAMERA,
      TrackSource.MICROPHONE,
      TrackSource.SCREEN_SHARE,
      TrackSource.SCREEN_SHARE_AUDIO,
    ],
    canSubscribe: true,
    canPublishData: false,
    canUpdateOwnMetadata: false,
  };
}

export function viewerGrant(streamId: string): VideoGrant {
  return {
    room: roomName(streamId),
    roomJoin: true,
    canPublish: false,
    canPublishSources: [],
    canSubscribe: true,
    canPublishData: false,
    canUpdateOwnMetadata: false,
    // Announced to nobody but itself, so a big audience does not flood every client with
    // participant updates (architecture decision 7). Server messages still reach it and
    // webhooks still report its join and leave: tests/e2e/live_room_test.ts holds LiveKit to that.
    hidden: true,
  };
}

export async function mintToken(keys: Keys, who: Participant, grant: VideoGrant): Promise<string> {
  const token = new AccessToken(keys.apiKey, keys.apiSecret, {
    identity: who.identity,
    name: who.name,
    ttl: TOKEN_TTL_SECONDS,
  });
  token.addGrant(grant);
  return await token.toJwt();
}
