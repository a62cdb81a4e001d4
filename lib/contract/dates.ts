// Instants as people read them on pages the server writes, which know no time zone: in
// UTC, as the server keeps them.

const UTC = { day: "numeric", year: "numeric", timeZone: "UTC" } as const;

/** A day: "26 December 2026". */
export const utcDay = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { ...UTC, month: "long" });

/** An instant, saying its zone: "26 Nov 2026, 22:49 UTC". */
export const readableUtc = (iso: string) =>
  `${
    new Date(iso).toLocaleString("en-GB", { ...UTC, month: "short", hour: "2-digit", minute: "2-digit" })
  } UTC`;
