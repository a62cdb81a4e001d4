import { assertEquals } from "@/tests/assert.ts";
import { CURRENCIES } from "@/lib/contract/limits.ts";
import { formatAmount, formatPrice, parseAmount } from "./money.ts";

Deno.test("formatPrice() reads minor units with the currency's own number of decimals", () => {
  assertEquals(formatPrice(4900, "EUR"), "€49.00");
  assertEquals(formatPrice(5, "USD"), "$0.05");
  assertEquals(formatPrice(4900, "JPY"), "¥4,900");
  assertEquals(formatPrice(123456, "GBP"), "£1,234.56");
  assertEquals(formatPrice(4900, "EUR", "de-DE"), "49,00\u00a0€");
});

Deno.test("formatPrice() formats every currency a product may have", () => {
  for (const currency of CURRENCIES) {
    assertEquals(/\d/.test(formatPrice(100, currency)), true, currency);
  }
});

Deno.test("parseAmount() reads a price as people type it, in the currency's minor units", () => {
  assertEquals(parseAmount("49.90", "EUR"), 4990);
  assertEquals(parseAmount("49,9", "EUR"), 4990);
  assertEquals(parseAmount(" 49 ", "EUR"), 4900);
  assertEquals(parseAmount("0.05", "USD"), 5);
  assertEquals(parseAmount("4900", "JPY"), 4900);
  for (const bad of ["", "-1", "1.234", "49.90€", "1e3", "4,900.00", "abc", ".5"]) {
    assertEquals(parseAmount(bad, "EUR"), null, bad);
  }
  assertEquals(parseAmount("49.5", "JPY"), null, "no fractions of a yen");
});

Deno.test("formatAmount() shows minor units as a form field would, and parseAmount() reads it back", () => {
  assertEquals(formatAmount(4990, "EUR"), "49.90");
  assertEquals(formatAmount(5, "USD"), "0.05");
  assertEquals(formatAmount(4900, "JPY"), "4900");
  for (const currency of CURRENCIES) {
    assertEquals(parseAmount(formatAmount(123456, currency), currency), 123456);
  }
});
