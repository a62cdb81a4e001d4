// The server's calls into LiveKit's room API: the only module that talks to it, so
// routes stay a few lines and tests have one seam.
import { DataPacket_Kind, RoomServiceClient } from "livekit-server-sdk";
import { encodeMessage, type MessageOf, type Topic } from "../messages.ts";
import { roomName } from "./tokens.ts";

export interface RoomService {
  /**
   * Sends a server-authoritative message to the stream's room, reliably: to everyone,
   * or only to the participants named in `to`.
   */
  send<T extends Topic>(streamId: string, topic: T, message: MessageOf<T>, to?: string[]): Promise<void>;
  /** Disconnects everyone and closes the stream's room. */
  close(streamId: string): Promise<void>;
}

export function createRoomService(
  opts: { url: string; apiKey: string; apiSecret: string },
): RoomService {
  const client = new RoomServiceClient(opts.url.replace(/^ws/, "http"), opts.apiKey, opts.apiSecret);
  return {
    async send(streamId, topic, message, to) {
      const room = roomName(streamId);
      // No room (nobody has joined): nobody to tell, and late joiners read KV. LiveKit
      // answers a send to a missing room only after a long wait, so ask first.
      if ((await client.listRooms([room])).length === 0) return;
      await client.sendData(room, encodeMessage(topic, message), DataPacket_Kind.RELIABLE, {
        topic,
        destinationIdentities: to,
      });
    },
    async close(streamId) {
      try {
        await client.deleteRoom(roomName(streamId));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

/**
 * Sends a message about a change already stored in KV. A failed send (LiveKit down or
 * restarting) is logged, not the request's failure: the change happened, a retry would
 * make it twice, and every island fetches what it missed once its room is back.
 */
export async function announce<T extends Topic>(
  rooms: RoomService,
  streamId: string,
  topic: T,
  message: MessageOf<T>,
  to?: string[],
): Promise<void> {
  try {
    await rooms.send(streamId, topic, message, to);
  } catch (error) {
    console.error(`could not send ${topic} to stream ${streamId}:`, error);
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "status" in error && error.status === 404;
}
