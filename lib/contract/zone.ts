// The reader's time zone, which the server cannot see: the page's first script keeps it in
// a cookie, and the server writes the next pages' times in it (./dates.ts).

/** The cookie's name (lib/server/cookies.ts reads it). */
export const ZONE_COOKIE = "tz";
const YEAR_S = 365 * 24 * 60 * 60;

/** Browser: keeps this browser's time zone (an IANA name, "Pacific/Pago_Pago") for the server. */
export function rememberZone(): void {
  document.cookie =
    `${ZONE_COOKIE}=${Intl.DateTimeFormat().resolvedOptions().timeZone};path=/;max-age=${YEAR_S};samesite=lax`;
}

/** Server: the zone the cookie names when Intl knows it, else null (anything else sent is ignored). */
export function zoneOf(value: string | undefined): string | null {
  if (!value || value.length > 64 || !/^[\w/+-]+$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
