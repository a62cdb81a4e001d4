import type { Signal } from "@preact/signals";
import { useId } from "preact/hooks";
import { formatAmount, formatPrice, parseAmount } from "@/lib/contract/money.ts";
import { amountProblem } from "@/lib/contract/typed_amount.ts";

interface AmountInputProps {
  name: string;
  /** What is typed. */
  text: Signal<string>;
  currency: string;
  /** The placeholder's amount, in minor units. */
  example: number;
  /** What is wrong with the amount typed, for its form ("" or absent: nothing). */
  error?: string;
}

/**
 * A price typed as people write them ("49.90" or "49,9"), shown formatted as it is typed,
 * with a hint in plain words while it is not an amount, or the form's `error`, beside it
 * and in its description. Goes inside its field's label.
 */
export function AmountInput({ name, text, currency, example, error }: AmountInputProps) {
  const minor = parseAmount(text.value, currency);
  const typo = text.value.trim() !== "" && minor === null;
  const problem = typo
    ? amountProblem(text.value, currency) ?? `Type an amount like ${formatAmount(4990, currency)}`
    : error;
  const problemId = useId();
  return (
    <>
      <span class="amount-input">
        <input
          name={name}
          inputMode="decimal"
          required
          placeholder={formatAmount(example, currency)}
          value={text.value}
          aria-invalid={!!problem || undefined}
          aria-describedby={problem ? problemId : undefined}
          onInput={(e) => text.value = e.currentTarget.value}
        />
        {minor !== null && <output>{formatPrice(minor, currency)}</output>}
      </span>
      {problem && <small class="field-error" id={problemId}>{problem}</small>}
    </>
  );
}
