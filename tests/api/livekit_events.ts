// LiveKit's webhooks as livekit-server sends them: signed with a JWT whose sha256 claim is
// the base64 SHA-256 of the body (or forged, for tests that must see them refused).
import { AccessToken, TokenVerifier } from "livekit-server-sdk";
import { roomName } from "@/lib/livekit/names.ts";
import { assertEquals } from "@/tests/assert.ts";
import { type Client, createStream, LIVEKIT_KEYS, signUp } from "./client.ts";

export interface Who {
  identity: string;
  name?: string;
  sid: string;
  /** In a track event, the track's id (a camera's when not given). */
  track?: string;
  /** The participant attributes its token gave it. */
  attributes?: Record<string, string>;
  /** In a leave, why (livekit.DisconnectReason: 1, the client left by itself). */
  disconnectReason?: number;
}

export function eventBody(event: string, room: string, who?: Who, id: string = crypto.randomUUID()): string {
  return JSON.stringify({
    id,
    event,
    room: { name: room },
    ...(who
      ? {
        participant: {
          identity: who.identity,
          name: who.name ?? "",
          sid: who.sid,
          attributes: who.attributes,
          disconnectReason: who.disconnectReason,
        },
      }
      : {}),
    ...(event.startsWith("track_") ? { track: { sid: who?.track ?? "TR_camera" } } : {}),
    createdAt: String(Math.floor(Date.now() / 1000)),
  });
}

export async function sign(body: string, secret = LIVEKIT_KEYS.apiSecret): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
  const token = new AccessToken(LIVEKIT_KEYS.apiKey, secret);
  token.sha256 = btoa(String.fromCharCode(...digest));
  return await token.toJwt();
}

export async function post(client: Client, body: string, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/webhook+json" };
  if (authorization !== undefined) headers.authorization = authorization;
  return await client.request("/api/livekit/webhook", { method: "POST", headers, body });
}

/** Posts a correctly signed event and expects it accepted. */
export async function deliver(client: Client, event: string, room: string, who?: Who): Promise<void> {
  const body = eventBody(event, room, who);
  const res = await post(client, body, await sign(body));
  assertEquals(res.status, 200, await res.text());
}

/** A studio joining the room and publishing its camera, as LiveKit reports it. */
export async function broadcastFrom(client: Client, room: string, studio: Who): Promise<void> {
  await deliver(client, "participant_joined", room, studio);
  await deliver(client, "track_published", room, studio);
}

export async function liveStream(
  client: Client,
): Promise<{ sellerId: string; streamId: string; room: string }> {
  const sellerId = await signUp(client);
  const streamId = await createStream(client);
  assertEquals((await client.post(`/api/streams/${streamId}/live`)).status, 200);
  return { sellerId, streamId, room: roomName(streamId) };
}

/** Who joins with `token`, as LiveKit reports it: the token's identity, name and attributes, on a new connection. */
export async function holderOf(token: string): Promise<Who> {
  const claims = await new TokenVerifier(LIVEKIT_KEYS.apiKey, LIVEKIT_KEYS.apiSecret).verify(token);
  return {
    identity: claims.sub!,
    name: claims.name,
    sid: `PA_${crypto.randomUUID()}`,
    attributes: claims.attributes,
  };
}
