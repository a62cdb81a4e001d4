// What a seller sends to create a stream.
import { z } from "zod";
import { description, text } from "@/lib/core/fields.ts";

export const CreateStreamInput = z.object({
  title: text("Title", 1, 120),
  description: description.default(""),
}).strict();
export type CreateStreamInput = z.infer<typeof CreateStreamInput>;

/** Whom a room token is for: the seller's broadcast from the studio, or someone watching. */
export const TokenInput = z.object({ as: z.enum(["host", "viewer"]).default("viewer") }).strict();

/** The studio's delete button (its name and value), posted to the stream's studio page. */
export const DeleteStreamForm = z.object({ delete: z.literal("stream") }).strict();
