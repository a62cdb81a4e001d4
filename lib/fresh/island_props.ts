// Island props travel to the browser as JSON inside a <script> tag, so they
// must be plain data, and the serialized text must not be able to close the
// tag or open an HTML comment.

/** JSON.stringify that stays inert inside `<script>` (no `</script>`, `<!--`). */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Deep-copies plain JSON data, dropping `undefined` object fields; throws otherwise. */
export function plainJson(
  value: unknown,
  island: string,
  path: string,
  seen: unknown[] = [],
): unknown {
  const fail = (what: string): never => {
    throw new TypeError(
      `island ${island}: prop "${path}" is not JSON-serializable (${what}); ` +
        "island props must be plain JSON",
    );
  };
  if (
    value === null || typeof value === "string" || typeof value === "boolean"
  ) {
    return value;
  }
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : fail(String(value));
  }
  if (typeof value !== "object") return fail(typeof value);
  if (seen.includes(value)) return fail("circular reference");
  const next = [...seen, value];
  if (Array.isArray(value)) {
    return value.map((v, i) => plainJson(v, island, `${path}[${i}]`, next));
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return fail(`instance of ${proto?.constructor?.name ?? "unknown class"}`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = plainJson(v, island, `${path}.${k}`, next);
  }
  return out;
}
