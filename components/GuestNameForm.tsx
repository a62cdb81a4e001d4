/** A guest's display name in chat: plain HTML, posted to /guest, which comes back here. */
export function GuestNameForm({ name, returnTo }: { name: string | undefined; returnTo: string }) {
  return (
    <form method="post" action="/guest" class="guest-name">
      <input type="hidden" name="returnTo" value={returnTo} />
      <label>
        Your name in chat
        <input name="name" required maxLength={40} value={name} placeholder="Pick a display name" />
      </label>
      <button type="submit">Save</button>
    </form>
  );
}
