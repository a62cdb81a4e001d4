// What a person does inside an island before it wakes: text typed into its boxes, and a
// form sent that has no address of its own (only the island's script can send it). Both
// are carried over to the island when it wakes, instead of being lost or leaving the page.
// (Forms with an `action` work without JavaScript and are left alone.)

type Box = HTMLInputElement | HTMLTextAreaElement;

const awake = new WeakSet<Element>();
const held = new Set<HTMLFormElement>();

/** From now on, such a form sent inside a sleeping island waits for the island. */
export function holdEarlySubmits(): void {
  addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute("action")) return;
    const island = form.closest("sf-island");
    if (!island || awake.has(island)) return;
    event.preventDefault();
    held.add(form);
  }, true);
}

/**
 * Call before hydrating `el`, and what it returns after: hydrating leaves a box's text but
 * not the island's state, whose next render would wipe it, so the typing is put back (into
 * the box of the same name if the box was replaced) and the island hears it as typed now;
 * then the forms held for it are sent.
 */
export function carryOver(el: HTMLElement): () => void {
  const before = Array.from(el.querySelectorAll<Box>("input:not([type=checkbox],[type=radio]), textarea"))
    .filter((box) => box.value !== box.defaultValue)
    .map((box) => [box, box.value] as const);
  return () => {
    awake.add(el);
    for (const [old, value] of before) {
      const box = old.isConnected ? old : el.querySelector<Box>(`[name="${CSS.escape(old.name)}"]`);
      if (!box) continue;
      box.value = value;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }
    for (const form of held) {
      if (!el.contains(form)) continue;
      held.delete(form);
      form.requestSubmit();
    }
  };
}
