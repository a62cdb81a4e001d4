// What a seller would find on an app started from a restored backup, read over plain HTTP the
// way the browser would: sign in (the account is there), then the stream, its chat, and the
// seller's products with their image bytes.

export interface RestoredData {
  streamTitle: string;
  chat: string[];
  products: { id: string; name: string; image: Uint8Array | null }[];
}

export async function restoredData(
  base: string,
  who: { email: string; password: string; streamId: string },
): Promise<RestoredData> {
  const signIn = await fetch(`${base}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  if (!signIn.ok) throw new Error(`signing in on the restored app: ${signIn.status} ${await signIn.text()}`);
  await signIn.body?.cancel();
  const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET ${path} on the restored app: ${res.status} ${await res.text()}`);
    return res;
  };
  const json = async <T>(path: string) => (await (await get(path)).json()) as T;

  const { stream } = await json<{ stream: { title: string } }>(`/api/streams/${who.streamId}`);
  const { messages } = await json<{ messages: { text: string }[] }>(`/api/streams/${who.streamId}/chat`);
  const { products } = await json<{ products: { id: string; name: string; imageUrl: string | null }[] }>(
    "/api/products",
  );
  return {
    streamTitle: stream.title,
    chat: messages.map((m) => m.text),
    products: await Promise.all(products.map(async (p) => ({
      id: p.id,
      name: p.name,
      image: p.imageUrl ? new Uint8Array(await (await get(p.imageUrl)).arrayBuffer()) : null,
    }))),
  };
}
