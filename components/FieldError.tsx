// A form field's problem after a failed post, shown under the field and tied to it, so a
// screen reader reads it with the field and the field is marked invalid.

/** Field name → its problem in plain words (FormFailure.fields). */
export type FieldErrors = Record<string, string> | undefined;

const idOf = (name: string) => `${name}-error`;

/** The attributes that mark the field `name` invalid and point at its message, when it has one. */
export function invalidProps(errors: FieldErrors, name: string) {
  return errors?.[name] ? { "aria-invalid": true, "aria-describedby": idOf(name) } : {};
}

/** The field's problem, if any; placed after its label so it is not part of the field's name. */
export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  const message = errors?.[name];
  return message ? <p id={idOf(name)} class="field-error">{message}</p> : null;
}
