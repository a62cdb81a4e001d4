// Access tokens for a stream's room. Least privilege lives here: only the stream's
// owner may publish media, and only to that stream's room; everyone else subscribes.
// Nobody publishes data: every packet in a room comes from the server (architecture
// decision 5), so a participant cannot forge one.
import { createHmac } from "node:crypto";
import { Buffer } from "node:buffer";
import { TrackSource, trackSourceToString, type VideoGrant } from "livekit-server-sdk";
import { roomName } from "./names.ts";

/** Short, because a leaked token should stop working soon; LiveKit refreshes it in-room. */
export const TOKEN_TTL_SECONDS = 10 * 60;

/**
 * A viewer's, shorter still: it holds a seat of a capped stream for as long as it opens the
 * room (lib/moderation/seats.ts). The watch page's player joins with it as the page loads;
 * one that sat too long fails, and the player asks for another (lib/client/stream_room.ts).
 */
export const VIEWER_TOKEN_TTL_SECONDS = 30;

/** LiveKit lets a token in this long past its expiry (its JWT library's leeway). */
const EXPIRY_LEEWAY_SECONDS = 60;

/** How long after it is minted a viewer's token still opens the room. */
export const VIEWER_TOKEN_OPENS_MS = (VIEWER_TOKEN_TTL_SECONDS + EXPIRY_LEEWAY_SECONDS) * 1000;

export interface Keys {
  apiKey: string;
  apiSecret: string;
}

export interface Participant {
  identity: string;
  name: string;
  /** Its participant attributes (names.ts ADDRESS_ATTRIBUTE), which only the server sets. */
  attributes?: Record<string, string>;
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

// The JWT livekit-server-sdk's AccessToken.toJwt() makes (HS256: name, attributes, video
// grant, issuer, subject, not-before, expiry), signed with node:crypto's HMAC: toJwt
// imports the secret and signs through WebCrypto on every call, a fifth of the CPU a watch
// page cost the server. lib/livekit/tokens_test.ts holds it to the SDK's own tokens and
// verifier.
const HEADER = base64url(JSON.stringify({ alg: "HS256" }));

export function mintToken(
  keys: Keys,
  who: Participant,
  grant: VideoGrant,
  ttlSeconds = TOKEN_TTL_SECONDS,
): string {
  const now = Math.floor(Date.now() / 1000);
  const video = { ...grant, canPublishSources: grant.canPublishSources?.map(trackSourceToString) };
  const claims = {
    video,
    name: who.name,
    attributes: who.attributes,
    iss: keys.apiKey,
    exp: now + ttlSeconds,
    nbf: now,
    sub: who.identity,
  };
  const signed = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${signed}.${createHmac("sha256", keys.apiSecret).update(signed).digest("base64url")}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}
