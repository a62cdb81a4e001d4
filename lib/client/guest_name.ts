// "Your name in chat" saved without leaving the watch page, so the video plays on: the
// answer is said in the form (saved, or the server's reason beside the field) and the
// focus stays there. The form stays server-rendered: the name is a per-viewer hole in a
// page many share, which island props (a script) cannot hold. Until this runs, and
// without JavaScript, it posts as a page.
import { ApiError, messageOf, postForm } from "./api.ts";
import { CONFIRMATION_MS } from "./say_for.ts";

/** Empties `node` after `ms`, unless its words changed meanwhile: true for a while only. */
function clearAfter(node: Node, ms: number) {
  const words = node.textContent;
  setTimeout(() => node.textContent === words && (node.textContent = ""), ms);
}

/** Saves every `form.guest-name` sent from now on in place; returns how to stop. */
export function saveGuestNames(): () => void {
  const submit = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    if (!form.matches(".guest-name")) return;
    event.preventDefault();
    const box = form.elements.namedItem("name") as HTMLInputElement;
    const status = form.querySelector("[role=status]")!;
    // The FieldError (components/FieldError.tsx) a refused post's page has.
    const error = form.querySelector(".field-error") ?? document.createElement("p");
    try {
      const { guest } = await postForm<{ guest: { name: string } }>(form);
      box.value = guest.name;
      // Not ending on the name: "Bea B." would end in two full stops.
      status.textContent = `Saved. ${guest.name} is your name in chat.`;
      clearAfter(status, CONFIRMATION_MS);
      error.remove();
      box.ariaInvalid = null;
      box.removeAttribute("aria-describedby");
    } catch (e) {
      status.textContent = "";
      Object.assign(error, { id: "name-error", className: "field-error", textContent: messageOf(e) });
      box.closest("label")!.after(error);
      // "Try again in 5 s" is stale once the wait is over.
      if (e instanceof ApiError && e.retryAfterSeconds) clearAfter(error, e.retryAfterSeconds * 1000);
      box.setAttribute("aria-describedby", error.id);
      // Marked invalid for what the name says (400, or 409: the host's name); a wait (too many
      // renames, 429) or a server down is no fault of the name.
      box.ariaInvalid = e instanceof ApiError && e.status < 429 ? "true" : null;
      // Read out with the field it is about.
      box.focus();
    }
  };
  addEventListener("submit", submit);
  return () => removeEventListener("submit", submit);
}
