import { type FailureMarks, failureMarks, FieldError } from "./FieldError.tsx";

/**
 * A guest's display name in chat: plain HTML, posted to /guest, which comes back here; on
 * the watch page its script saves it in place and says so in the status (lib/client/guest_name.ts).
 */
export function GuestNameForm(
  { name, returnTo, marks = failureMarks(undefined, []) }: {
    name: string | undefined;
    returnTo: string;
    /** A refused name's, on its own page (GuestNamePage). */
    marks?: FailureMarks;
  },
) {
  return (
    <form method="post" action="/guest" class="guest-name">
      <input type="hidden" name="returnTo" value={returnTo} />
      <label>
        Your name in chat
        <input
          name="name"
          required
          maxLength={40}
          value={name}
          placeholder="Pick a display name"
          {...marks.field("name")}
        />
      </label>
      <FieldError marks={marks} name="name" />
      <button type="submit">Save</button>
      <p class="guest-name-saved" role="status" />
    </form>
  );
}
