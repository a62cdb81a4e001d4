// Ids for everything the app stores: sortable by creation time, unique across processes.
let lastTime = 0;
let sequence = 0;

/**
 * A sortable, unique id: time first, then a per-process counter, so KV lists come back
 * in creation order even for ids made in the same millisecond; random bits keep ids
 * from different processes apart.
 */
export function newId(): string {
  const now = Math.max(Date.now(), lastTime);
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  const random = Array.from(
    crypto.getRandomValues(new Uint8Array(6)),
    (b) => b.toString(36).padStart(2, "0"),
  );
  return now.toString(36).padStart(9, "0") + sequence.toString(36).padStart(4, "0") + random.join("");
}
