import { assertEquals } from "@/tests/assert.ts";
import { localDay, localDayAndTime, localTime, writingIn } from "./dates.ts";
import { zoneOf } from "./zone.ts";

const AT = "2026-11-27T16:26:49Z";

Deno.test("times are written in English and 24 hours, in UTC saying so while the reader's zone is unknown", () => {
  assertEquals(localTime(AT), "16:26 UTC");
  assertEquals(localDayAndTime(AT), "27 Nov 2026, 16:26 UTC");
  assertEquals(writingIn(null, () => localTime(AT)), "16:26 UTC");
});

Deno.test("a page for a reader whose zone is known writes its times and days there, and says no zone", () => {
  const pagoPago = (write: () => string) => writingIn("Pacific/Pago_Pago", write);
  assertEquals(pagoPago(() => localTime(AT)), "05:26");
  assertEquals(pagoPago(() => localDayAndTime(AT)), "27 Nov 2026, 05:26");
  // The day a draft goes: another one for a seller at UTC+14.
  assertEquals(writingIn("Pacific/Kiritimati", () => localDay("2026-12-27T11:00:00Z")), "28 Dec 2026");
  assertEquals(localTime(AT), "16:26 UTC", "back to UTC after the page");
});

Deno.test("localTime() of a time before which something is refused names the minute after it", () => {
  assertEquals(localTime("2026-01-01T10:21:49Z", true), "10:22 UTC");
  assertEquals(localTime("2026-01-01T10:21:49Z"), "10:21 UTC", "a hold's end: not later");
  assertEquals(localTime("2026-01-01T10:22:00Z", true), "10:22 UTC", "on the minute");
});

Deno.test("zoneOf() takes the zones Intl knows and nothing else", () => {
  assertEquals(zoneOf("Pacific/Pago_Pago"), "Pacific/Pago_Pago");
  assertEquals(zoneOf("Etc/GMT+5"), "Etc/GMT+5");
  for (const bad of [undefined, "", "Mars/Olympus", "<script>", "+05:00", "Europe/Paris;x", "A".repeat(65)]) {
    assertEquals(zoneOf(bad), null, bad);
  }
});
