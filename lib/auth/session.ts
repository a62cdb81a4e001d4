// Starting and ending a seller's session: the KV record and its cookie together.
import type { Context } from "hono";
import { createSession, deleteSession } from "../store/sessions.ts";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "./cookies.ts";

export async function startSession(c: Context, kv: Deno.Kv, sellerId: string): Promise<void> {
  writeSessionCookie(c, await createSession(kv, sellerId));
}

export async function endSession(c: Context, kv: Deno.Kv): Promise<void> {
  const token = readSessionCookie(c);
  if (token) await deleteSession(kv, token);
  clearSessionCookie(c);
}
