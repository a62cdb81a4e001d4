// While the studio is on air, following a header link in its own tab would end the
// broadcast: those links open a new tab then, and say so. Before going live and after the
// end they are ordinary links (on a phone, a new tab at every tap is a trap).
import { useEffect } from "preact/hooks";

export function useNewTabLinks(onAir: boolean): void {
  useEffect(() => {
    if (!onAir) return;
    const links = [...document.querySelectorAll<HTMLAnchorElement>(".site-header a")];
    for (const link of links) {
      link.target = "_blank";
      link.rel = "noopener";
      link.insertAdjacentHTML("beforeend", '<span class="visually-hidden"> (opens in a new tab)</span>');
    }
    return () => {
      for (const link of links) {
        link.removeAttribute("target");
        link.removeAttribute("rel");
        link.querySelector(":scope > .visually-hidden")?.remove();
      }
    };
  }, [onAir]);
}
