// A page most askers see alike but for a few values (a viewer's room ticket and name, the
// server's clock) is rendered once and kept as text with holes; each request only fills
// its own values in, and when gzipped sends the rest as compressed once (./gzip_splice.ts).
// A hole is a random marker no input can spell. Plain values are limited to characters
// that read the same wherever they land (HTML text, attributes, the islands' JSON), so
// they need no escaping; text values are escaped as HTML, and so may not land in a script.
import { deflatePart, gzipParts, type Part } from "./gzip_splice.ts";

/** What a page result needs to be reused: all its rendering depends on, and its holes' values. */
export interface Reuse {
  /** Everything the page's HTML depends on besides the holes (equal keys render equal HTML). */
  key: string;
  /** Values of holes: a string is plain; `{ text }` is escaped as HTML. */
  fill: Record<string, string | { text: string }>;
}

const MARK = `sf${crypto.randomUUID().replaceAll("-", "")}`;
const PLAIN = /^[\w.:-]*$/;

/** Stands in for `name`'s value while the page is rendered to be reused. */
export const hole = (name: string): string => `${MARK}${name}${MARK}`;

/** A page filled in for one request: as HTML, or gzipped with only its own values compressed anew. */
export interface FilledPage {
  html(): string;
  gzip(): Uint8Array<ArrayBuffer>;
}

/** A kept render: its text split at the holes (odd parts name them), fixed parts deflated when first sent. */
class Template {
  #deflated: Part[] = [];

  constructor(readonly parts: string[]) {}

  fixed(i: number): Part {
    return this.#deflated[i] ??= deflated(this.parts[i]!);
  }
}

const encoder = new TextEncoder();

function deflated(text: string): Part {
  const raw = encoder.encode(text);
  return { raw, deflated: deflatePart(raw) };
}

/** Kept renders by key, the least recently used dropped past `max`. */
export class PageTemplates {
  #kept = new Map<string, Template>();

  constructor(readonly max = 64) {}

  /** The page for `reuse`, rendered by `render` (with holes) only when not kept. */
  fill(reuse: Reuse, render: () => string): FilledPage {
    const template = this.#kept.get(reuse.key) ?? new Template(checked(render().split(MARK), reuse));
    this.#kept.delete(reuse.key);
    this.#kept.set(reuse.key, template);
    if (this.#kept.size > this.max) this.#kept.delete(this.#kept.keys().next().value!);
    const texts = template.parts.map((part, i) => i % 2 ? valueOf(reuse.fill, part) : part);
    return {
      html: () => texts.join(""),
      gzip: () =>
        gzipParts(texts.map((text, i) => i % 2 ? { raw: encoder.encode(text) } : template.fixed(i))),
    };
  }
}

function valueOf(fill: Reuse["fill"], name: string): string {
  const value = fill[name];
  if (value === undefined) throw new Error(`page template: no value for hole "${name}"`);
  if (typeof value !== "string") return value.text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  if (!PLAIN.test(value)) throw new Error(`page template: hole "${name}" needs escaping: ${value}`);
  return value;
}

/** `parts`, once no text hole is found inside a script (where HTML escaping means nothing). */
function checked(parts: string[], { fill }: Reuse): string[] {
  let before = "";
  parts.forEach((part, i) => {
    if (i % 2 === 0) before += part;
    else if (
      typeof fill[part] === "object" && before.lastIndexOf("<script") > before.lastIndexOf("</script")
    ) {
      throw new Error(`page template: text hole "${part}" inside a script`);
    }
  });
  return parts;
}
