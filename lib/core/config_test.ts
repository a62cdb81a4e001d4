import { assert, assertEquals } from "@/tests/assert.ts";
import { loadConfig } from "./config.ts";

const PRODUCTION = {
  APP_ENV: "production",
  KV_PATH: "/data/showfloor.kv",
  DATA_DIR: "/data",
  LIVEKIT_URL: "ws://127.0.0.1:7880",
  LIVEKIT_PUBLIC_URL: "wss://shop.example.com",
  LIVEKIT_API_KEY: "sf_key",
  LIVEKIT_API_SECRET: "a-livekit-secret-long-enough-for-production",
  APP_SECRET: "an-app-secret-long-enough-for-production-use",
};

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

Deno.test("loadConfig() accepts a production environment like the one scripts/selfhost writes", () => {
  const config = loadConfig(PRODUCTION);
  assertEquals(config.env, "production");
  assertEquals(config.livekit.publicUrl, "wss://shop.example.com");
});

Deno.test("loadConfig() refuses an APP_SECRET equal to the LiveKit secret, in every environment", () => {
  const same = "one-secret-used-for-two-jobs-000000000";
  for (const APP_ENV of ["development", "production"]) {
    const message = refusal({ ...PRODUCTION, APP_ENV, APP_SECRET: same, LIVEKIT_API_SECRET: same });
    assert(message.includes("APP_SECRET must differ from LIVEKIT_API_SECRET"), message);
  }
});

Deno.test("loadConfig() refuses in production what would not work there, in plain words", () => {
  const cases: [Record<string, string>, string][] = [
    [{ LIVEKIT_API_SECRET: "showfloor-dev-secret-change-me-32chars+" }, "LIVEKIT_API_SECRET must be set"],
    [{ APP_SECRET: "showfloor-dev-cookie-secret-change-me" }, "APP_SECRET must be set"],
    [{ APP_SECRET: "short" }, "APP_SECRET"],
    [{ LIVEKIT_PUBLIC_URL: "ws://203.0.113.7:7880" }, "must start with wss://"],
    [{ KV_PATH: "/srv/showfloor.kv" }, "KV_PATH must be inside DATA_DIR"],
    [{ KV_PATH: "/data/../showfloor.kv" }, "KV_PATH must be inside DATA_DIR"],
  ];
  for (const [change, expected] of cases) {
    const message = refusal({ ...PRODUCTION, ...change });
    assert(message.startsWith("Invalid configuration: ") && message.includes(expected), message);
  }
});

Deno.test("loadConfig() lets a production build reach LiveKit over plain ws:// on loopback only", () => {
  assertEquals(loadConfig({ ...PRODUCTION, LIVEKIT_PUBLIC_URL: "ws://127.0.0.1:7880" }).env, "production");
  assert(
    refusal({ ...PRODUCTION, LIVEKIT_PUBLIC_URL: "ws://127.0.0.2.example.com:7880" }).includes("wss://"),
  );
});

Deno.test("loadConfig() takes a KV Connect URL for KV_PATH only with its access token", () => {
  const shared = { ...PRODUCTION, KV_PATH: "http://127.0.0.1:4512" };
  assertEquals(loadConfig({ ...shared, DENO_KV_ACCESS_TOKEN: "a-long-random-token" }).kvPath, shared.KV_PATH);
  const tokens: Record<string, string>[] = [{}, { DENO_KV_ACCESS_TOKEN: "" }, {
    DENO_KV_ACCESS_TOKEN: "short",
  }];
  for (const token of tokens) {
    const message = refusal({ ...shared, ...token });
    assert(message.includes("set DENO_KV_ACCESS_TOKEN"), message);
  }
});

Deno.test("loadConfig() keeps development free of those production rules", () => {
  const config = loadConfig({ KV_PATH: "/srv/elsewhere.kv" });
  assertEquals(config.livekit.publicUrl, "ws://127.0.0.1:7880");
  assertEquals(config.kvPath, "/srv/elsewhere.kv");
});

Deno.test("loadConfig() allows injected faults in tests only", () => {
  assertEquals(loadConfig({ APP_ENV: "test", FAULT_DROP_SENDS: "3" }).faults.dropSendsEvery, 3);
  for (const APP_ENV of ["development", "production"]) {
    const message = refusal({ ...PRODUCTION, APP_ENV, FAULT_DROP_SENDS: "3" });
    assert(message.includes("FAULT_DROP_SENDS is for tests only"), message);
  }
  assert(
    refusal({ APP_ENV: "test", FAULT_DROP_SENDS: "1" }).includes("FAULT_DROP_SENDS"),
    "1 would drop all",
  );
});

Deno.test("loadConfig() reads the grace periods of a seller who is gone", () => {
  const config = loadConfig({ SELLER_AWAY_AFTER_S: "30", SELLER_GONE_END_MIN: "5" });
  assertEquals(config.lifecycle, { awayAfterMs: 30_000, endAfterMs: 300_000 });
  assert(refusal({ SELLER_AWAY_AFTER_S: "0" }).includes("SELLER_AWAY_AFTER_S"));
});
