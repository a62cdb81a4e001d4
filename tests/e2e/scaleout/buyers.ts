// Many buyers at once, without a browser each: every buyer is a cookie jar that opens the
// watch page through the proxy (which makes it a guest), kept on one app process by the
// proxy's sticky cookie, then fills its cart and reserves.

export interface Buyer {
  /** The app process the proxy sends this buyer to (its port). */
  process: number;
  /** POSTs JSON as this buyer; returns the status. */
  post(path: string, body?: unknown): Promise<number>;
  /** True while the proxy kept every request on that process (it sets a new cookie when it moves one). */
  stayed(): boolean;
}

/** A buyer who opened `watchUrl`, kept on the process that `cookie` names. */
export async function newBuyer(
  watchUrl: string,
  process: number,
  cookie: { name: string; value: string },
): Promise<Buyer> {
  const jar = new Map([[cookie.name, cookie.value]]);
  const origin = new URL(watchUrl).origin;
  const request = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(path, origin), {
      ...init,
      headers: { ...init.headers, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      redirect: "manual",
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    await res.arrayBuffer();
    return res.status;
  };
  const status = await request(watchUrl);
  if (status !== 200) throw new Error(`opening ${watchUrl}: ${status}`);
  return {
    process,
    stayed: () => jar.get(cookie.name) === cookie.value,
    post: (path, body = {}) =>
      request(path, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify(body),
      }),
  };
}
