// Every real-time message that crosses a LiveKit data channel, as one zod schema each,
// shared by the server (which sends them) and the islands (which receive them).
// Each carries a version so old clients can ignore shapes they do not know.
import { z } from "zod";

export const StreamStatusMessage = z.object({
  v: z.literal(1),
  type: z.literal("status"),
  status: z.enum(["created", "live", "ended"]),
  at: z.iso.datetime(),
});
export type StreamStatusMessage = z.infer<typeof StreamStatusMessage>;

/** One LiveKit data topic per kind of message. */
export const topics = {
  status: StreamStatusMessage,
} as const;
export type Topic = keyof typeof topics;
export type MessageOf<T extends Topic> = z.infer<(typeof topics)[T]>;

export function encodeMessage<T extends Topic>(topic: T, message: MessageOf<T>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(topics[topic].parse(message)));
}

/** The message, or null for anything that fails its topic's schema: receivers ignore those. */
export function decodeMessage<T extends Topic>(topic: T, bytes: Uint8Array): MessageOf<T> | null {
  try {
    const parsed = topics[topic].safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data as MessageOf<T> : null;
  } catch {
    return null;
  }
}
