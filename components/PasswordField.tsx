import type { ComponentChildren } from "preact";
import { type FailureMarks, FieldError } from "./FieldError.tsx";

interface PasswordFieldProps {
  name: string;
  /** Its label's words (and a hint, in a <small>). */
  children: ComponentChildren;
  /** The browser's hint: fill in the saved password, or offer to make and save a new one. */
  autocomplete: "current-password" | "new-password";
  /** The form's refusal marks: the field's problem under it, marked and focused. */
  marks: FailureMarks;
  minLength?: number;
}

/** A password field of a plain form, with its problem, if any, under it. */
export function PasswordField({ name, children, autocomplete, marks, minLength }: PasswordFieldProps) {
  return (
    <>
      <label>
        {children}
        <input
          name={name}
          type="password"
          required
          minLength={minLength}
          autocomplete={autocomplete}
          {...marks.field(name)}
        />
      </label>
      <FieldError marks={marks} name={name} />
    </>
  );
}
