// Drives the app in-process (no network) with a cookie jar, a fresh :memory: KV and a
// recording stand-in for LiveKit's room API: unit-level tests only; the e2e tests use
// the real livekit-server.
import { type ManualClock, manualClock } from "@/lib/core/clock.ts";
import { loadConfig } from "@/lib/core/config.ts";
import { tellViewers } from "@/lib/audience/viewer_news.ts";
import type { RoomService, SendOptions } from "@/lib/livekit/room_service.ts";
import type { RoomParticipant } from "@/lib/livekit/webhook.ts";
import { guestIdentity } from "@/lib/livekit/names.ts";
import type { AnyMessage, ChatMessage, Topic } from "@/lib/contract/messages.ts";
import { createShowfloor, type Showfloor } from "@/lib/server/showfloor.ts";

export const LIVEKIT_KEYS = { apiKey: "testkey", apiSecret: "a-test-secret-that-is-long-enough-000" };

export interface RecordingRooms extends RoomService {
  /** What was sent, the outbox's envelope (`seq`, `version`) kept apart in `envelopes`. */
  sent: { streamId: string; topic: Topic; message: unknown; to?: string[]; lossy?: boolean }[];
  /** Each sent message's `seq` and `version`, in the order of `sent`. */
  envelopes: { seq?: number; version?: string }[];
  closed: string[];
  /** The connections remove() was asked to disconnect. */
  removed: { streamId: string; identities: string[] }[];
  /** While true, every send and ping fails as it does while LiveKit is down or restarting. */
  down: boolean;
  /** Who LiveKit says is in each stream's room, as a test puts them there; remove() takes them out. */
  present: Map<string, RoomParticipant[]>;
}

// What the SDK throws while LiveKit is down or restarting.
const livekitDown = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:7880"));

function recordingRooms(): RecordingRooms {
  const rooms: RecordingRooms = {
    sent: [],
    envelopes: [],
    closed: [],
    removed: [],
    down: false,
    present: new Map(),
    send(streamId: string, message: AnyMessage, opts: SendOptions = {}) {
      if (rooms.down) return livekitDown();
      const { to, lossy } = opts;
      const { seq, version, ...body } = message;
      rooms.envelopes.push({ seq, version });
      rooms.sent.push({
        streamId,
        topic: message.type,
        message: body,
        ...(to ? { to } : {}),
        ...(lossy ? { lossy } : {}),
      });
      return Promise.resolve();
    },
    close(streamId) {
      if (rooms.down) return livekitDown();
      rooms.closed.push(streamId);
      return Promise.resolve();
    },
    participants(streamId) {
      return rooms.down ? livekitDown() : Promise.resolve(rooms.present.get(streamId) ?? []);
    },
    rename(streamId, identities, name) {
      if (rooms.down) return livekitDown();
      const present = rooms.present.get(streamId) ?? [];
      rooms.present.set(streamId, present.map((p) => identities.includes(p.identity) ? { ...p, name } : p));
      return Promise.resolve();
    },
    remove(streamId, identities) {
      if (rooms.down) return livekitDown();
      rooms.removed.push({ streamId, identities });
      const left = (rooms.present.get(streamId) ?? []).filter((p) => !identities.includes(p.identity));
      rooms.present.set(streamId, left);
      return Promise.resolve();
    },
    ping() {
      return rooms.down ? livekitDown() : Promise.resolve();
    },
  };
  return rooms;
}

export type TestApp = Showfloor & {
  rooms: RecordingRooms;
  clock: ManualClock;
  /** Does what the background would by now: tells viewer counts, then delivers the outbox. */
  settle(): Promise<void>;
  /** Settles, then forgets what was sent so far: a test looks only at what follows. */
  forgetSent(): Promise<void>;
};

/**
 * A fresh app with its own temporary DATA_DIR, and a clock that moves only when the test
 * moves it; withApp() removes the folder afterwards.
 */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const rooms = recordingRooms();
  const clock = manualClock();
  const config = loadConfig({
    APP_ENV: "test",
    KV_PATH: ":memory:",
    DATA_DIR: await Deno.makeTempDir({ prefix: "showfloor-test-" }),
    LIVEKIT_API_KEY: LIVEKIT_KEYS.apiKey,
    LIVEKIT_API_SECRET: LIVEKIT_KEYS.apiSecret,
    ...env,
  });
  try {
    const app = await createShowfloor(config, { rooms, clock });
    const settle = async () => {
      await tellViewers(app.services);
      if (!await app.services.outbox.flush(2_000)) throw new Error("the outbox did not empty");
    };
    const forgetSent = async () => {
      await settle();
      rooms.sent.length = rooms.envelopes.length = 0;
    };
    return { ...app, rooms, clock, settle, forgetSent };
  } catch (error) {
    await Deno.remove(config.dataDir, { recursive: true });
    throw error;
  }
}

/** Runs `fn` against a fresh app, closing its KV and removing its data folder afterwards. */
export async function withApp(
  fn: (app: TestApp) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const app = await testApp(env);
  try {
    await fn(app);
  } finally {
    await app.close();
    await Deno.remove(app.services.config.dataDir, { recursive: true });
  }
}

let nextAddress = 1;

/**
 * One browser's worth of cookies against the in-process app, from an address of its own
 * (as Deno.serve would report the peer), so limits per address count each client apart.
 */
export class Client {
  #cookies = new Map<string, string>();
  readonly address: string;
  constructor(private app: Showfloor, private origin = "http://localhost:8000", address?: string) {
    const n = nextAddress++;
    this.address = address ?? `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size) {
      headers.set("cookie", [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const info = { remoteAddr: { transport: "tcp" as const, hostname: this.address, port: 50_000 } };
    const request = new Request(new URL(path, this.origin), { ...init, headers });
    const response = await this.app.app.fetch(request, info as Deno.ServeHandlerInfo);
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0/i.test(line)) this.#cookies.delete(name!);
      else this.#cookies.set(name!, value.join("="));
    }
    return response;
  }

  post(path: string, body: unknown = {}): Promise<Response> {
    return this.send("POST", path, body);
  }

  /** A request with a JSON body, by any method. */
  send(method: string, path: string, body: unknown): Promise<Response> {
    return this.request(path, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
  }

  /** Opens a stream's watch page, as a browser does before anything else: a stranger becomes a guest there. */
  async watch(streamId: string): Promise<this> {
    const res = await this.request(`/watch/${streamId}`);
    if (res.status !== 200) throw new Error(`watch page: ${res.status}`);
    await res.body?.cancel();
    return this;
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  /** Forgets a cookie, as a person clearing one cookie of the site does. */
  clearCookie(name: string): void {
    this.#cookies.delete(name);
  }

  /** The identity of the guest this browser is, read from its guest cookie (`<json>.<signature>`). */
  guest(): string {
    const signed = decodeURIComponent(this.cookie("sf_guest")!);
    return guestIdentity(JSON.parse(signed.slice(0, signed.lastIndexOf("."))).id);
  }
}

export async function signUp(
  client: Client,
  email = "seller@example.com",
  name = "Linen & Co",
): Promise<string> {
  const res = await client.post("/api/auth/signup", { email, name, password: "a long enough password" });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return (await res.json()).seller.id;
}

export async function createStream(client: Client, title = "Spring drop"): Promise<string> {
  const res = await client.post("/api/streams", { title, description: "Linen, live." });
  if (res.status !== 201) throw new Error(`create stream failed: ${res.status} ${await res.text()}`);
  return (await res.json()).stream.id;
}

/**
 * Bookkeeping of limits (requests counted per window, wrong passwords per account): it
 * changes on refused requests too, which is how abuse costs the abuser, so a snapshot of
 * what is stored leaves it out.
 */
const BOOKKEEPING = new Set(["rate", "sign_in_failures"]);

/** Every stored entry in KV (not the limits' bookkeeping), to prove a refused request stored nothing. */
export async function kvSnapshot(kv: Deno.Kv): Promise<string> {
  const entries: unknown[] = [];
  for await (const e of kv.list({ prefix: [] })) {
    if (!BOOKKEEPING.has(String(e.key[0]))) entries.push([e.key, e.value]);
  }
  // Counters are Deno.KvU64, whose value is a bigint.
  return JSON.stringify(entries, (_key, value) => typeof value === "bigint" ? `${value}n` : value);
}

/** Bookkeeping that goes by itself: rate counters with their window, a deletion's mark after a day. */
const SELF_EXPIRING = new Set(["rate", "streams_gone", "sellers_gone"]);

/** Every stored key naming `id`, but self-expiring bookkeeping: what a deletion leaves. */
export async function keysNaming(app: Showfloor, id: string): Promise<string[]> {
  const found: string[] = [];
  for await (const { key } of app.services.kv.list({ prefix: [] })) {
    if (SELF_EXPIRING.has(String(key[0]))) continue;
    if (key.some((part) => String(part).includes(id))) found.push(JSON.stringify(key));
  }
  return found;
}

/** Asserts the response is a 4xx JSON error with this status and code. */
export async function expectError(res: Response, status: number, code: string): Promise<string> {
  const body = await res.json().catch(() => null);
  if (res.status !== status || body?.error?.code !== code || typeof body?.error?.message !== "string") {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(body)}`);
  }
  return body.error.message;
}

/**
 * The opening tag of the one element a page focuses as it loads (`autofocus`, no script
 * needed); throws when the page has none or several, since a browser would take only the first.
 */
export function focusedTag(html: string): string {
  const tags = html.match(/<[a-z]+\b[^>]*\bautofocus\b[^>]*>/g) ?? [];
  if (tags.length !== 1) throw new Error(`expected one autofocus, got ${tags.length}: ${tags.join(" ")}`);
  return tags[0]!;
}

/** Posts a chat message as `client` (it must be taken); the message as stored. */
export async function say(client: Client, streamId: string, text: string): Promise<ChatMessage> {
  const res = await client.post(`/api/streams/${streamId}/chat`, { text });
  if (res.status !== 201) throw new Error(`chat refused (${res.status}): ${await res.text()}`);
  return (await res.json()).message;
}

/** A new browser that has opened the stream's watch page: a guest, as every viewer is. */
export function viewer(app: Showfloor, streamId: string): Promise<Client> {
  return new Client(app).watch(streamId);
}

/** A signed-up seller (a browser of their own) with one stream. */
export async function sellerWithStream(
  app: Showfloor,
): Promise<{ seller: Client; sellerId: string; streamId: string }> {
  const seller = new Client(app);
  const sellerId = await signUp(seller);
  return { seller, sellerId, streamId: await createStream(seller) };
}
