// Instants as people read them, wherever the page is written.

/** An instant as a seller reads it on a page the server writes, which knows no time zone: "26 Nov 2026, 22:49 UTC". */
export const readableUtc = (iso: string) =>
  `${
    new Date(iso).toLocaleString("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "UTC",
    })
  } UTC`;
