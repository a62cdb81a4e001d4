// Every setting comes from the environment, parsed once, with defaults that run the
// whole stack on a laptop. Nothing else in the app reads Deno.env.
import { isAbsolute, relative, resolve } from "node:path";
import { z } from "zod";

const DEV_LIVEKIT_SECRET = "showfloor-dev-secret-change-me-32chars+";
const DEV_APP_SECRET = "showfloor-dev-cookie-secret-change-me";

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const list = z.string().default("").transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean));

const ConfigSchema = z.object({
  APP_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOSTNAME: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  KV_PATH: z.string().default("data/showfloor.kv"),
  // KV Connect's access token (denokv's --access-token). Deno.openKv reads it itself; it is
  // parsed here only so that a KV Connect URL without one refuses to start, saying why.
  DENO_KV_ACCESS_TOKEN: z.string().optional(),
  // Files too big for KV (product images under images/, replays under replays/).
  DATA_DIR: z.string().min(1).default("data"),
  // What the server SDK talks to, and what browsers connect to (differs behind docker).
  LIVEKIT_URL: z.string().url().default("ws://127.0.0.1:7880"),
  LIVEKIT_PUBLIC_URL: z.string().url().optional(),
  LIVEKIT_API_KEY: z.string().min(1).default("devkey"),
  LIVEKIT_API_SECRET: z.string().min(32).default(DEV_LIVEKIT_SECRET),
  // Signs guest cookies; deliberately not the LiveKit secret.
  APP_SECRET: z.string().min(32).default(DEV_APP_SECRET),
  // "closed": nobody new may sign up as a seller (a shop's own instance, once its accounts exist).
  SELLER_SIGNUP: z.enum(["open", "closed"]).default("open"),
  // Proxies (IPs or CIDRs) whose X-Forwarded-For names the client; nobody else's is believed.
  TRUSTED_PROXIES: list,
  // Multiplies every rate limit (lib/limits/rules.ts): for benchmarks that push one client hard.
  RATE_LIMIT_SCALE: count(1),
  // What one seller may keep.
  MAX_PRODUCTS_PER_SELLER: count(500),
  MAX_IMAGE_MB_PER_SELLER: count(500),
  MAX_STREAMS_PER_DAY: count(20),
  // A stream never taken live is removed this many days after it was made, and an account
  // nobody has signed in to for this many, with all it holds.
  DRAFT_DAYS: count(30),
  ACCOUNT_IDLE_DAYS: count(730),
  // Disk space left free: replay parts and images are refused below it, whatever the quotas.
  MIN_FREE_DISK_MB: count(1024),
  // Replays: how much a seller may keep (at ~1 Mbit/s, 10 GB is about 22 hours), and how long.
  MAX_REPLAY_MB_PER_SELLER: count(10_000),
  REPLAY_DAYS: count(30),
  // Reservations are holds that expire, and a buyer may hold only so many of one product.
  HOLD_MINUTES: count(15),
  // A seller gone longer than this shows viewers "away" (seconds), and the stream ends
  // by itself after the second (minutes).
  SELLER_AWAY_AFTER_S: count(120),
  SELLER_GONE_END_MIN: count(30),
  MAX_UNITS_PER_BUYER: count(10),
  MAX_SALE_UNITS_PER_BUYER: count(2),
  // Tests only: lose every Nth message to a room, as a network may (lib/livekit/faults.ts).
  FAULT_DROP_SENDS: z.coerce.number().int().min(2).optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  hostname: string;
  port: number;
  kvPath: string;
  /** Folder for files too big for KV; product images go in its `images/`. */
  dataDir: string;
  appSecret: string;
  livekit: {
    url: string;
    publicUrl: string;
    apiKey: string;
    apiSecret: string;
  };
  /** Whether anyone may sign up as a seller (else only the accounts there are sign in). */
  sellerSignupOpen: boolean;
  /** Proxies whose X-Forwarded-For is believed: addresses or CIDR ranges. */
  trustedProxies: string[];
  /** Multiplies every rate limit (benchmarks only). */
  rateLimitScale: number;
  quotas: {
    productsPerSeller: number;
    imageBytesPerSeller: number;
    streamsPerDay: number;
    /** How long a stream never taken live is kept after it was made. */
    draftKeptMs: number;
    /** How long an account nobody signs in to is kept. */
    accountIdleMs: number;
    replayBytesPerSeller: number;
    /** How long a replay is kept after it was recorded. */
    replayKeptMs: number;
  };
  /** Free disk space that uploads (replay parts, images) never take. */
  minFreeDiskBytes: number;
  lifecycle: {
    /** How long a live stream's seller may be gone before viewers see "away". */
    awayAfterMs: number;
    /** How long before the stream ends by itself. */
    endAfterMs: number;
  };
  holds: {
    /** How long a reservation holds its stock before it returns by itself. */
    ttlMs: number;
    /** Units of one product one buyer may hold at once. */
    maxUnits: number;
    /** The same, for a product on flash sale. */
    maxSaleUnits: number;
  };
  /** Faults injected for tests (never outside APP_ENV=test). */
  faults: { dropSendsEvery: number | null };
}

export function loadConfig(env: Record<string, string> = Deno.env.toObject()): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`Invalid configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const c = parsed.data;
  const refusal = refusalOf(c);
  if (refusal) throw new TypeError(`Invalid configuration: ${refusal}`);
  return {
    env: c.APP_ENV,
    hostname: c.HOSTNAME,
    port: c.PORT,
    kvPath: c.KV_PATH,
    dataDir: c.DATA_DIR,
    appSecret: c.APP_SECRET,
    livekit: {
      url: c.LIVEKIT_URL,
      publicUrl: c.LIVEKIT_PUBLIC_URL ?? c.LIVEKIT_URL,
      apiKey: c.LIVEKIT_API_KEY,
      apiSecret: c.LIVEKIT_API_SECRET,
    },
    sellerSignupOpen: c.SELLER_SIGNUP === "open",
    trustedProxies: c.TRUSTED_PROXIES,
    rateLimitScale: c.RATE_LIMIT_SCALE,
    quotas: {
      productsPerSeller: c.MAX_PRODUCTS_PER_SELLER,
      imageBytesPerSeller: c.MAX_IMAGE_MB_PER_SELLER * 1_000_000,
      streamsPerDay: c.MAX_STREAMS_PER_DAY,
      draftKeptMs: c.DRAFT_DAYS * 24 * 60 * 60_000,
      accountIdleMs: c.ACCOUNT_IDLE_DAYS * 24 * 60 * 60_000,
      replayBytesPerSeller: c.MAX_REPLAY_MB_PER_SELLER * 1_000_000,
      replayKeptMs: c.REPLAY_DAYS * 24 * 60 * 60_000,
    },
    minFreeDiskBytes: c.MIN_FREE_DISK_MB * 1_000_000,
    lifecycle: {
      awayAfterMs: c.SELLER_AWAY_AFTER_S * 1000,
      endAfterMs: c.SELLER_GONE_END_MIN * 60_000,
    },
    holds: {
      ttlMs: c.HOLD_MINUTES * 60_000,
      maxUnits: c.MAX_UNITS_PER_BUYER,
      maxSaleUnits: c.MAX_SALE_UNITS_PER_BUYER,
    },
    faults: { dropSendsEvery: c.FAULT_DROP_SENDS ?? null },
  };
}

/** Settings that parse but must not run: a secret shared or left at its dev value, and in
 * production what browsers or the app's own permissions would refuse. */
function refusalOf(c: z.infer<typeof ConfigSchema>): string | undefined {
  if (c.APP_SECRET === c.LIVEKIT_API_SECRET) {
    return "APP_SECRET must differ from LIVEKIT_API_SECRET (one leaking must not give away the other)";
  }
  if (c.FAULT_DROP_SENDS && c.APP_ENV !== "test") return "FAULT_DROP_SENDS is for tests only (APP_ENV=test)";
  if (isUrl(c.KV_PATH) && (c.DENO_KV_ACCESS_TOKEN ?? "").length < 12) {
    return `KV_PATH is a KV Connect URL (${c.KV_PATH}): set DENO_KV_ACCESS_TOKEN to its access token (12 characters at least)`;
  }
  if (c.APP_ENV !== "production") return undefined;
  if (c.LIVEKIT_API_SECRET === DEV_LIVEKIT_SECRET) return "LIVEKIT_API_SECRET must be set in production";
  if (c.APP_SECRET === DEV_APP_SECRET) return "APP_SECRET must be set in production";
  const publicUrl = c.LIVEKIT_PUBLIC_URL ?? c.LIVEKIT_URL;
  // A production build tried on the machine itself (benchmarks) reaches LiveKit on loopback,
  // where a browser allows plain ws:// from a plain http://localhost page.
  if (!publicUrl.startsWith("wss://") && !isLoopback(publicUrl)) {
    return `LIVEKIT_PUBLIC_URL must start with wss:// in production (browsers on an HTTPS page refuse ${publicUrl})`;
  }
  if (isLocalFile(c.KV_PATH) && !isInside(c.KV_PATH, c.DATA_DIR)) {
    return `KV_PATH must be inside DATA_DIR in production, the only folder the app may write (${c.KV_PATH} is not in ${c.DATA_DIR})`;
  }
  return undefined;
}

const isLoopback = (url: string) => ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
const isUrl = (kvPath: string) => /^https?:\/\//.test(kvPath);
const isLocalFile = (kvPath: string) => kvPath !== ":memory:" && !isUrl(kvPath);

function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}
