// What the boot needs of preact, loaded once the islands wake: a module of its own, so the
// file it becomes carries these two names, not all of preact's.
export { h, hydrate } from "preact";
