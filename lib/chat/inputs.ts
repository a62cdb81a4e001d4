// What people send to chat, and how they ask for a page of history.
import { z } from "zod";
import { CHAT_MAX_LENGTH } from "@/lib/contract/limits.ts";
import { storedId, text } from "@/lib/core/fields.ts";

// Strict: the sender's name and role come from the session or guest cookie, never the body.
// `sendId`, made by the sender's page, makes a resend (the answer was lost) post it once.
export const ChatInput = z.object({
  text: text("Message", 1, CHAT_MAX_LENGTH),
  sendId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, "Expected a send id of 8 to 40 letters or digits")
    .optional(),
}).strict();
export type ChatInput = z.infer<typeof ChatInput>;

const chatId = storedId("a message id");

/** A page of chat: the newest, or the messages just before or just after a message id. */
export const ChatPageQuery = z.object({ before: chatId.optional(), after: chatId.optional() }).strict()
  .refine((q) => !(q.before && q.after), "Ask for messages before or after an id, not both");
export type ChatPageQuery = z.infer<typeof ChatPageQuery>;
