// Times and dates as people read them, written one way by the server and by islands alike:
// in English like the sentences around them ("held for you until 16:26"), whatever the
// browser's language, and in the reader's own time zone. A browser knows its zone; the
// server learns it from the cookie the page's script sets (./zone.ts) and, until it has it,
// writes UTC and says so.

// A browser writes in its own zone (undefined); the server in UTC, saying so, but while it
// renders a page for a reader whose zone it knows (writingIn).
const server = !globalThis.document;
let zone = server ? "UTC" : undefined;
let unknown = server;

const write = (at: string | number, options: Intl.DateTimeFormatOptions, saying = " UTC") =>
  new Date(at).toLocaleString("en-GB", { ...options, timeZone: zone }) + (unknown ? saying : "");

const DAY = { day: "numeric", month: "short", year: "numeric" } as const;
const TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/**
 * A time: "16:26". `after`: the minute after it, for a time before which something is
 * refused ("chat again at").
 */
export function localTime(iso: string, after?: boolean): string {
  const ms = Date.parse(iso);
  return write(after ? Math.ceil(ms / 60_000) * 60_000 : ms, TIME);
}

/** A day: "27 Dec 2026" (or "27 Dec 2026 (UTC)" while the zone is unknown). */
export const localDay = (iso: string) => write(iso, DAY, " (UTC)");

/** A day and time: "27 Nov 2026, 16:14". */
export const localDayAndTime = (iso: string) => write(iso, { ...DAY, ...TIME });

/**
 * Server only: `render` (synchronous, a page's) writes times in the reader's `readerZone`,
 * or when it is not known (null) in UTC, saying so.
 */
export function writingIn<T>(readerZone: string | null, render: () => T): T {
  const was = [zone, unknown] as const;
  [zone, unknown] = [readerZone ?? "UTC", !readerZone];
  try {
    return render();
  } finally {
    [zone, unknown] = was;
  }
}
