// Finding a product by name as a seller types it: "creme" finds "Crème brûlée", "HEMP"
// finds "Hemp trousers", whatever the case or accents on either side.

/** Lower case, without accents: "Crème" and "CREME" read alike. */
const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Whether `name` holds what was typed (everything does while nothing is). */
export function nameMatcher(typed: string): (name: string) => boolean {
  const wanted = folded(typed.trim());
  return (name) => folded(name).includes(wanted);
}
