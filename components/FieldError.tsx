// A failed post's marks on its form: the error above it, each field's problem under the
// field and tied to it (a screen reader reads it with the field, marked invalid), and
// where focus lands as the page comes back, with no JavaScript (autofocus scrolls it into
// view): the first field the error is about, or the error itself when it is about none.
import type { FormFailure } from "@/lib/server/forms.ts";

/** Field name → its problem in plain words (FormFailure.fields). */
type FieldErrors = Record<string, string> | undefined;

const idOf = (name: string) => `${name}-error`;

export interface FailureMarks {
  /** The error above the form; undefined when nothing was refused. */
  error?: string;
  /** Each field's problem (and notes such as a file to choose again), by field name. */
  errors: FieldErrors;
  /** The field's attributes: invalid and pointing at its message when it has one, focused when first. */
  field(name: string): Record<string, string | boolean>;
  /** Whether the error above the form takes focus: no field it is about does. */
  alertFocused: boolean;
}

/** The marks of `failure` on a form whose fields are `order`, in page order. */
export function failureMarks(failure: FormFailure | undefined, order: readonly string[]): FailureMarks {
  const errors = failure?.fields;
  const first = failure?.aboutFields ? order.find((name) => errors?.[name]) : undefined;
  return {
    error: failure?.error,
    errors,
    field: (name) =>
      errors?.[name]
        ? { "aria-invalid": true, "aria-describedby": idOf(name), ...(name === first && { autoFocus: true }) }
        : {},
    alertFocused: !!failure && !first,
  };
}

/** The error above a refused form, focused when no field is (tabindex -1: focusable, not in the tab order). */
export function FormError({ marks }: { marks: FailureMarks }) {
  const focused = marks.alertFocused;
  return marks.error
    ? (
      <p class="notice error" role="alert" tabIndex={focused ? -1 : undefined} autoFocus={focused}>
        {marks.error}
      </p>
    )
    : null;
}

/** The field's problem, if any; placed after its label so it is not part of the field's name. */
export function FieldError({ marks, name }: { marks: FailureMarks; name: string }) {
  const message = marks.errors?.[name];
  return message ? <p id={idOf(name)} class="field-error">{message}</p> : null;
}
