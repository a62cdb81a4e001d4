// The server's calls into LiveKit's room API: the only module that talks to it, so
// actions stay plain and tests have one seam (a recording or failing stand-in).
import { DataPacket_Kind, RoomServiceClient } from "livekit-server-sdk";
import { type AnyMessage, encodeMessage } from "@/lib/contract/messages.ts";
import { connectionOf, roomName } from "./names.ts";
import { participantOf, type RoomParticipant } from "./webhook.ts";

export interface SendOptions {
  /** Only these participants (LiveKit identities); everyone when absent. */
  to?: string[];
  /** Best effort, never resent: for what is stale a moment later (reaction tallies). */
  lossy?: boolean;
}

export interface RoomService {
  /** Sends a server-authoritative message to the stream's room, on the topic named by its type. */
  send(streamId: string, message: AnyMessage, opts?: SendOptions): Promise<void>;
  /** Disconnects everyone and closes the stream's room. */
  close(streamId: string): Promise<void>;
  /** Disconnects these connections from the stream's room at once (a ban); gone ones are skipped. */
  remove(streamId: string, identities: string[]): Promise<void>;
  /** Resolves once LiveKit's API answers with this app's key; see rejectsKey() for a refusal. */
  ping(): Promise<void>;
  /** Who is connected to the stream's room now, hidden viewers too (none when it has no room). */
  participants(streamId: string): Promise<RoomParticipant[]>;
  /** Gives these connections a new display name (a guest renamed while watching); gone ones are skipped. */
  rename(streamId: string, identities: string[], name: string): Promise<void>;
}

/** The person's connections to the stream's room now (tabs, devices), by LiveKit identity. */
export async function connectionsOf(rooms: RoomService, streamId: string, person: string): Promise<string[]> {
  return (await rooms.participants(streamId)).map((p) => p.identity)
    .filter((identity) => connectionOf(identity).person === person);
}

// A room nobody ever creates: listing it is the cheapest call that needs a valid key.
const PROBE_ROOM = "showfloor-readiness-probe";

export function createRoomService(
  opts: { url: string; apiKey: string; apiSecret: string },
): RoomService {
  const client = new RoomServiceClient(opts.url.replace(/^ws/, "http"), opts.apiKey, opts.apiSecret);
  return {
    async send(streamId, message, opts = {}) {
      const room = roomName(streamId);
      // No room (nobody has joined): nobody to tell, and late joiners read KV. LiveKit
      // answers a send to a missing room only after a long wait, so ask first.
      if ((await client.listRooms([room])).length === 0) return;
      const kind = opts.lossy ? DataPacket_Kind.LOSSY : DataPacket_Kind.RELIABLE;
      await client.sendData(room, encodeMessage(message), kind, {
        topic: message.type,
        destinationIdentities: opts.to,
      });
    },
    async close(streamId) {
      await unlessGone(client.deleteRoom(roomName(streamId)));
    },
    async remove(streamId, identities) {
      for (const identity of identities) {
        await unlessGone(client.removeParticipant(roomName(streamId), identity));
      }
    },
    async rename(streamId, identities, name) {
      for (const identity of identities) {
        await unlessGone(client.updateParticipant(roomName(streamId), identity, { name }));
      }
    },
    async ping() {
      await client.listRooms([PROBE_ROOM]);
    },
    async participants(streamId) {
      try {
        const list = await client.listParticipants(roomName(streamId));
        return list.map(participantOf);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    },
  };
}

/** True when LiveKit answered but refused the key (it does not know it, or the secret differs). */
export function rejectsKey(error: unknown): boolean {
  return statusOf(error) === 401;
}

/** A call about a connection that has left meanwhile: nothing to do. */
async function unlessGone(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

function statusOf(error: unknown): unknown {
  return typeof error === "object" && error !== null && "status" in error ? error.status : undefined;
}
