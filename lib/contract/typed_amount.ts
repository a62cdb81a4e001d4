// What is wrong with a price as typed, in plain words: a module of its own, so the watch
// page, which shows prices but takes none, does not load it.
import { formatAmount, minorDigits } from "./money.ts";

/** Why a typed price is no amount when it has cents of a currency without them ("12.50" in JPY); else null. */
export function decimalsProblem(typed: string, currency: string): string | null {
  if (minorDigits(currency) > 0 || !/[.,]\d/.test(typed)) return null;
  return `Prices in ${currency} have no decimals: type a whole amount, like ${formatAmount(4990, currency)}`;
}
