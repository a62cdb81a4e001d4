// Starting and ending a seller's session: the KV record and its cookie together.
import { rememberDevice } from "@/lib/auth/devices.ts";
import { createSession, deleteSession } from "@/lib/auth/session_store.ts";
import { clearSessionCookie, readSessionCookie, writeDeviceCookie, writeSessionCookie } from "./cookies.ts";
import type { Ctx } from "./state.ts";

/** A new session, and this browser remembered as a device the seller signs in on. */
export async function startSession(ctx: Ctx, sellerId: string): Promise<void> {
  const { kv, clock, config } = ctx.state.services;
  writeSessionCookie(ctx.hono, await createSession(kv, sellerId, clock.now()));
  const device = await writeDeviceCookie(ctx.hono, config.appSecret, ctx.state.device);
  await rememberDevice(kv, sellerId, device);
}

export async function endSession(ctx: Ctx): Promise<void> {
  const token = readSessionCookie(ctx.hono);
  if (token) await deleteSession(ctx.state.services.kv, token);
  clearSessionCookie(ctx.hono);
}
