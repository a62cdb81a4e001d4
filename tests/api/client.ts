// Drives the app in-process (no network) with a cookie jar, a fresh :memory: KV and a
// recording stand-in for LiveKit's room API: unit-level tests only; the e2e tests use
// the real livekit-server.
import { type ManualClock, manualClock } from "@/lib/core/clock.ts";
import { loadConfig } from "@/lib/core/config.ts";
import type { RoomService } from "@/lib/livekit/room_service.ts";
import type { AnyMessage, Topic } from "@/lib/contract/messages.ts";
import { createShowfloor, type Showfloor } from "@/lib/server/showfloor.ts";

export const LIVEKIT_KEYS = { apiKey: "testkey", apiSecret: "a-test-secret-that-is-long-enough-000" };

export interface RecordingRooms extends RoomService {
  sent: { streamId: string; topic: Topic; message: unknown; to?: string[] }[];
  closed: string[];
  /** While true, every send and ping fails as it does while LiveKit is down or restarting. */
  down: boolean;
}

// What the SDK throws while LiveKit is down or restarting.
const livekitDown = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:7880"));

function recordingRooms(): RecordingRooms {
  const rooms: RecordingRooms = {
    sent: [],
    closed: [],
    down: false,
    send(streamId: string, message: AnyMessage, to?: string[]) {
      if (rooms.down) return livekitDown();
      rooms.sent.push({ streamId, topic: message.type, message, ...(to ? { to } : {}) });
      return Promise.resolve();
    },
    close(streamId) {
      rooms.closed.push(streamId);
      return Promise.resolve();
    },
    ping() {
      return rooms.down ? livekitDown() : Promise.resolve();
    },
  };
  return rooms;
}

export type TestApp = Showfloor & { rooms: RecordingRooms; clock: ManualClock };

/**
 * A fresh app with its own temporary DATA_DIR, and a clock that moves only when the test
 * moves it; withApp() removes the folder afterwards.
 */
export async function testApp(): Promise<TestApp> {
  const rooms = recordingRooms();
  const clock = manualClock();
  const config = loadConfig({
    APP_ENV: "test",
    KV_PATH: ":memory:",
    DATA_DIR: await Deno.makeTempDir({ prefix: "showfloor-test-" }),
    LIVEKIT_API_KEY: LIVEKIT_KEYS.apiKey,
    LIVEKIT_API_SECRET: LIVEKIT_KEYS.apiSecret,
  });
  try {
    return { ...(await createShowfloor(config, { rooms, clock })), rooms, clock };
  } catch (error) {
    await Deno.remove(config.dataDir, { recursive: true });
    throw error;
  }
}

/** Runs `fn` against a fresh app, closing its KV and removing its data folder afterwards. */
export async function withApp(fn: (app: TestApp) => Promise<void>): Promise<void> {
  const app = await testApp();
  try {
    await fn(app);
  } finally {
    app.close();
    await Deno.remove(app.services.config.dataDir, { recursive: true });
  }
}

/** One browser's worth of cookies against the in-process app. */
export class Client {
  #cookies = new Map<string, string>();
  constructor(private app: Showfloor, private origin = "http://localhost:8000") {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size) {
      headers.set("cookie", [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const response = await this.app.app.fetch(new Request(new URL(path, this.origin), { ...init, headers }));
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0/i.test(line)) this.#cookies.delete(name!);
      else this.#cookies.set(name!, value.join("="));
    }
    return response;
  }

  post(path: string, body: unknown = {}): Promise<Response> {
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.#cookies.set(name, value);
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

/** Every entry in KV, to prove a refused request stored nothing. */
export async function kvSnapshot(kv: Deno.Kv): Promise<string> {
  const entries: unknown[] = [];
  for await (const e of kv.list({ prefix: [] })) entries.push([e.key, e.value]);
  // Counters are Deno.KvU64, whose value is a bigint.
  return JSON.stringify(entries, (_key, value) => typeof value === "bigint" ? `${value}n` : value);
}

/** Asserts the response is a 4xx JSON error with this status and code. */
export async function expectError(res: Response, status: number, code: string): Promise<string> {
  const body = await res.json().catch(() => null);
  if (res.status !== status || body?.error?.code !== code || typeof body?.error?.message !== "string") {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(body)}`);
  }
  return body.error.message;
}
