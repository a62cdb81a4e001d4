import { assertEquals } from "../tests/assert.ts";
import { CURRENCIES } from "./inputs.ts";
import { formatPrice } from "./money.ts";

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
