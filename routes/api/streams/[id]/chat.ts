import * as chat from "@/lib/chat/actions.ts";
import { ChatInput, ChatPageQuery } from "@/lib/chat/inputs.ts";
import { type Handlers, readJson, readQuery } from "@/lib/fresh/mod.ts";
import { personOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/**
 * GET: a page of the stream's chat, oldest first (`?before=<id>` or `?after=<id>`).
 * POST { text, sendId? }: as the asker (name and role from their session or guest cookie);
 * a resend with the same sendId answers the message it posted.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const query = readQuery(ctx, ChatPageQuery);
    return ctx.hono.json({ messages: await chat.page(ctx.state.services, ctx.params.id!, query) });
  },
  async POST(ctx) {
    const input = await readJson(ctx, ChatInput);
    const message = await chat.post(ctx.state.services, personOf(ctx), ctx.params.id!, input);
    return ctx.hono.json({ message }, 201);
  },
};
