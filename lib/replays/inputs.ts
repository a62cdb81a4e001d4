// What the studio sends to record a replay: a take's video type, then its parts, numbered
// from 0 in the address, each the raw bytes MediaRecorder made.
import { z } from "zod";
import { REPLAY_TYPES } from "@/lib/contract/limits.ts";

export const TakeInput = z.object({
  type: z.enum(REPLAY_TYPES, { error: `Type must be one of ${REPLAY_TYPES.join(", ")}` }),
  /** The studio page's LiveKit connection (its identity): once it leaves by itself, the take is whole. */
  studio: z.string().max(200, "A studio connection is at most 200 characters").optional(),
}).strict();
export type TakeInput = z.infer<typeof TakeInput>;

/** A part's number, from the address. */
export const PartParams = z.object({
  // Written one way: "01" is no second address for part 1.
  part: z.string().regex(/^(0|[1-9]\d{0,5})$/, "A part's number is a whole number from 0").transform(Number),
});
