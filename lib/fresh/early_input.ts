// What a person does inside an island before it wakes: text typed into its boxes, a form
// sent that has no address of its own, and a button pressed that does nothing by itself
// (`type="button"`: only the island's script can act on either). All are carried over to
// the island when it wakes, instead of being lost or leaving the page. (Forms with an
// `action` work without JavaScript and are left alone.)

type Box = HTMLInputElement | HTMLTextAreaElement;

const awake = new WeakSet<Element>();
const held = new Set<HTMLFormElement>();
const pressed: { button: HTMLButtonElement; island: Element }[] = [];

/** The sleeping island `el` is in, if it is in one. */
const sleepingIsland = (el: Element) => {
  const island = el.closest("sf-island");
  return island && !awake.has(island) ? island : null;
};

/** From now on, such a form sent or button pressed inside a sleeping island waits for the island. */
export function holdEarlyInput(): void {
  addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[type=button]") : null;
    if (!(button instanceof HTMLButtonElement)) return;
    const island = sleepingIsland(button);
    if (island) pressed.push({ button, island });
  }, true);
  addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute("action") || !sleepingIsland(form)) return;
    event.preventDefault();
    held.add(form);
  }, true);
}

/**
 * Call before hydrating `el`, and what it returns after: hydrating leaves a box's text but
 * not the island's state, whose next render would wipe it, so the typing is put back (into
 * the box of the same name if the box was replaced) and the island hears it as typed now;
 * then the forms held for it are sent, and its buttons pressed again (if still there and
 * not disabled by now).
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
    for (const press of pressed.filter((p) => p.island === el)) {
      pressed.splice(pressed.indexOf(press), 1);
      if (press.button.isConnected && !press.button.disabled) press.button.click();
    }
  };
}
