// Starting and ending a seller's session: the KV record and its cookie together.
import { rememberDevice } from "@/lib/auth/devices.ts";
import type { Seller } from "@/lib/auth/seller_store.ts";
import { createSession, deleteSession } from "@/lib/auth/session_store.ts";
import { DomainError } from "@/lib/core/errors.ts";
import { clearSessionCookie, readSessionCookie, writeDeviceCookie, writeSessionCookie } from "./cookies.ts";
import type { Ctx } from "./state.ts";

/**
 * A new session for the seller just signed in or up, and this browser remembered as a
 * device they sign in on; refused when their password changed, or the account went, meanwhile.
 */
export async function startSession(ctx: Ctx, seller: Seller): Promise<void> {
  const { kv, clock, config } = ctx.state.services;
  const token = await createSession(kv, seller, clock.now());
  if (!token) {
    throw new DomainError("unauthenticated", "invalid_credentials", "Email or password is wrong");
  }
  writeSessionCookie(ctx.hono, token);
  const device = await writeDeviceCookie(ctx.hono, config.appSecret, ctx.state.device);
  await rememberDevice(kv, seller.id, device);
}

export async function endSession(ctx: Ctx): Promise<void> {
  const token = readSessionCookie(ctx.hono);
  if (token) await deleteSession(ctx.state.services.kv, token);
  clearSessionCookie(ctx.hono);
}
