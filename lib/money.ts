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

/** `formatPrice(4900, "EUR")` is "€49.00"; `formatPrice(4900, "JPY")` is "¥4,900". */
export function formatPrice(priceMinor: number, currency: string, locale = "en-US"): string {
  const format = formatOf(currency, locale);
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(priceMinor / 10 ** decimals);
}
