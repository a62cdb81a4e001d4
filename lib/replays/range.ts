// The one byte range a video element asks of a replay (RFC 9110 §14.1.2), so a viewer can
// seek without downloading what comes before. Several ranges in one header are answered
// with the whole file, which the RFC allows.

export type ByteRange = { start: number; end: number };

/**
 * The bytes `header` asks of a file of `size` bytes ("bytes=a-b", "bytes=a-", "bytes=-n"):
 * null for no header or one answered with the whole file, "unsatisfiable" for a range
 * that starts past the end.
 */
export function byteRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const [first, last] = [match[1]!, match[2]!];
  if (first === "") {
    const suffix = Number(last);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return "unsatisfiable";
  return end < start ? null : { start, end };
}
