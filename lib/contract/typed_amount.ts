// What is wrong with a price as typed, in plain words: a module of its own, so the watch
// page, which shows prices but takes none, does not load it.
import { formatAmount, minorDigits } from "./money.ts";

// Digits grouped by thousands: "1.234,50", "1,234.50", "1 234", "1'234.50".
const GROUPED = /^\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/**
 * Why a typed price (one parseAmount refused) is no amount, when it is more than a typo:
 * thousands written with separators, or cents of a currency without them ("12.50" in JPY).
 */
export function amountProblem(typed: string, currency: string): string | null {
  const text = typed.trim();
  const digits = minorDigits(currency);
  // One "." or "," alone may be the decimals' ("49.999" has too many): only two or a space say thousands.
  if (GROUPED.test(text) && (/[^\d.,]/.test(text) || /[.,].*[.,]/.test(text))) {
    return `Write the amount without thousands separators, like ${
      formatAmount(Math.floor(1234.5 * 10 ** digits), currency)
    }`;
  }
  if (digits > 0 || !/[.,]\d/.test(text)) return null;
  return `Prices in ${currency} have no decimals: type a whole amount, like ${formatAmount(4990, currency)}`;
}
