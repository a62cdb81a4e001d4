// The cookies: a seller's session token, a guest's signed id and display name, a
// browser's signed id for this browser session (no expiry: it goes when the browser
// closes), so a ban holds against a new guest cookie from the same browser, and a signed
// device id a seller signed in with (a year), so strangers' wrong passwords do not hold the
// seller back there (lib/auth/sign_in_failures.ts). All are
// HttpOnly and SameSite=Lax, and Secure everywhere but localhost.
import type { Context } from "hono";
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";
import { z } from "zod";
import { SESSION_TTL_MS } from "@/lib/auth/session_store.ts";
import { ZONE_COOKIE, zoneOf } from "@/lib/contract/zone.ts";

const SESSION = "sf_session";
const GUEST = "sf_guest";
const GUEST_MAX_AGE_S = 365 * 24 * 60 * 60;
const BROWSER = "sf_browser";
const BROWSER_ID = /^[0-9a-f]{32}$/;
const DEVICE = "sf_device";
const DEVICE_MAX_AGE_S = 365 * 24 * 60 * 60;
const REFUSAL = "sf_refusal";
/** Long enough for the redirect it travels with. */
const REFUSAL_MAX_AGE_S = 60;
// A refusal is signed with what it is for, so another cookie's signed value cannot pass for one.
const REFUSAL_FOR = "refusal:";

export const Guest = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
  name: z.string().min(1).max(40),
});
export type Guest = z.infer<typeof Guest>;

/** Without `maxAgeSeconds`, a cookie for this browser session only. */
function options(c: Context, maxAgeSeconds?: number): CookieOptions {
  const host = new URL(c.req.url).hostname;
  const local = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  return { path: "/", httpOnly: true, sameSite: "Lax", secure: !local, maxAge: maxAgeSeconds };
}

/** The reader's time zone, as their browser keeps it (lib/contract/zone.ts); null when missing or unknown. */
export const readZoneCookie = (c: Context): string | null => zoneOf(getCookie(c, ZONE_COOKIE));

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION);
}

export function writeSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION, token, options(c, SESSION_TTL_MS / 1000));
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION, { path: "/" });
}

/**
 * Genuine signed cookies already checked (their text → their value), so a browser's every
 * request costs one lookup instead of an HMAC; the oldest go past MAX_CHECKED. Forged
 * ones are not kept (anyone can send a new one with every request), nor any longer than
 * a real one can be.
 */
const checked = new Map<string, string>();
const MAX_CHECKED = 10_000;
/** A guest cookie holds an id and a 40-character name, percent-encoded, and a signature. */
const MAX_SIGNED_COOKIE = 1_024;

async function readSignedCookie(c: Context, secret: string, name: string): Promise<string | false> {
  const text = getCookie(c, name);
  if (text === undefined || text.length > MAX_SIGNED_COOKIE) return false;
  const key = `${name}\n${secret}\n${text}`;
  const known = checked.get(key);
  if (known !== undefined) return known;
  const value = await getSignedCookie(c, secret, name);
  if (!value) return false;
  checked.set(key, value);
  if (checked.size > MAX_CHECKED) checked.delete(checked.keys().next().value!);
  return value;
}

/** How many signed cookies are kept as checked (for tests). */
export const checkedCookies = () => checked.size;

/** The guest in the cookie, or null when it is missing, tampered with or malformed. */
export async function readGuestCookie(c: Context, secret: string): Promise<Guest | null> {
  const raw = await readSignedCookie(c, secret, GUEST);
  if (!raw) return null;
  try {
    const parsed = Guest.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// Signed so nobody can claim another guest's identity (and with it their likes or seat).
export async function writeGuestCookie(c: Context, secret: string, guest: Guest): Promise<void> {
  await setSignedCookie(c, GUEST, JSON.stringify(guest), secret, options(c, GUEST_MAX_AGE_S));
}

export function newGuest(name?: string): Guest {
  const id = crypto.randomUUID().replaceAll("-", "");
  return { id, name: name ?? `Guest ${id.slice(0, 4).toUpperCase()}` };
}

/** This browser session's id, or null when missing or tampered with. */
export async function readBrowserCookie(c: Context, secret: string): Promise<string | null> {
  const id = await readSignedCookie(c, secret, BROWSER);
  return id && BROWSER_ID.test(id) ? id : null;
}

/** Gives this browser session a new random id; returns it. */
export async function writeBrowserCookie(c: Context, secret: string): Promise<string> {
  const id = crypto.randomUUID().replaceAll("-", "");
  await setSignedCookie(c, BROWSER, id, secret, options(c));
  return id;
}

/** This browser's device id, or null when it has none (or the cookie is forged). */
export async function readDeviceCookie(c: Context, secret: string): Promise<string | null> {
  const id = await readSignedCookie(c, secret, DEVICE);
  return id && BROWSER_ID.test(id) ? id : null;
}

/** Gives this browser its device id for another year (a new one if it has none); returns it. */
export async function writeDeviceCookie(c: Context, secret: string, id: string | null): Promise<string> {
  const device = id ?? crypto.randomUUID().replaceAll("-", "");
  await setSignedCookie(c, DEVICE, device, secret, options(c, DEVICE_MAX_AGE_S));
  return device;
}

/** A form's refusal, kept for the page at `path` the browser is sent back to. */
export async function writeRefusalCookie(
  c: Context,
  secret: string,
  path: string,
  text: string,
): Promise<void> {
  await setSignedCookie(c, REFUSAL, REFUSAL_FOR + text, secret, { ...options(c, REFUSAL_MAX_AGE_S), path });
}

/** The refusal kept for the page at `path`, once: read, it goes. Null when none (or forged). */
export async function takeRefusalCookie(c: Context, secret: string, path: string): Promise<string | null> {
  if (getCookie(c, REFUSAL) === undefined) return null;
  const value = await getSignedCookie(c, secret, REFUSAL);
  deleteCookie(c, REFUSAL, { path });
  return value && value.startsWith(REFUSAL_FOR) ? value.slice(REFUSAL_FOR.length) : null;
}
