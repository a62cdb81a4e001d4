// Prices as people read them. Amounts are kept in the currency's minor unit (cents, or
// yen for JPY); Intl knows how many decimals each currency has. Runs on the server and in
// islands alike.
const formats = new Map<string, Intl.NumberFormat>();

function formatOf(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, format);
  }
  return format;
}

/** How many decimals the currency's minor unit has: 2 for EUR, 0 for JPY. */
export function minorDigits(currency: string): number {
  return formatOf(currency, "en-US").resolvedOptions().maximumFractionDigits ?? 2;
}

/** `formatPrice(4900, "EUR")` is "€49.00"; `formatPrice(4900, "JPY")` is "¥4,900". */
export function formatPrice(priceMinor: number, currency: string, locale = "en-US"): string {
  return formatOf(currency, locale).format(priceMinor / 10 ** minorDigits(currency));
}

/** A price as a form field shows it: `formatAmount(4990, "EUR")` is "49.90", for JPY "4990". */
export function formatAmount(priceMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (priceMinor / 10 ** digits).toFixed(digits);
}

/**
 * A price as people type it, in minor units: "49.9" or "49,90" is 4990 for EUR. Null when it
 * is not a plain amount, or has more decimals than the currency (cents of a yen).
 */
export function parseAmount(text: string, currency: string): number | null {
  const match = text.trim().match(/^(\d{1,12})(?:[.,](\d+))?$/);
  if (!match) return null;
  const digits = minorDigits(currency);
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}
