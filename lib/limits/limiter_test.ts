import { assertEquals, assertRejects, assertThrows } from "@/tests/assert.ts";
import { testServices } from "@/tests/fixtures/services.ts";
import { DomainError } from "@/lib/core/errors.ts";
import { spend, spendHere } from "./limiter.ts";
import { RULES } from "./rules.ts";

const ann = { identity: "guest-ann", address: "198.51.100.7" };

Deno.test("spend() lets a person through up to the rule's limit, then says how long to wait", async () => {
  await using services = await testServices();
  for (let i = 0; i < 5; i++) await spend(services, "chat", ann);
  const refused = await assertRejects(() => spend(services, "chat", ann));
  if (!(refused instanceof DomainError)) throw refused;
  assertEquals([refused.kind, refused.code], ["rate_limited", "rate_limited"]);
  assertEquals(refused.retryAfterMs! > 0 && refused.retryAfterMs! <= 5_000, true);
  services.clock.advance(5_000);
  await spend(services, "chat", ann);
});

Deno.test("spend() counts a new identity from the same address against the address", async () => {
  await using services = await testServices();
  const { max } = RULES.guest.address;
  for (let i = 0; i < max; i++) await spend(services, "guest", { identity: "", address: ann.address });
  await assertRejects(() => spend(services, "guest", { identity: "", address: ann.address }));
  await spend(services, "guest", { identity: "", address: "203.0.113.1" });
});

Deno.test("spend() never lets racing requests past the limit", async () => {
  await using services = await testServices();
  const results = await Promise.allSettled(Array.from({ length: 12 }, () => spend(services, "chat", ann)));
  assertEquals(results.filter((r) => r.status === "fulfilled").length, 5);
});

Deno.test("spendHere() holds a person and an address to the rule's limits in memory, writing nothing", async () => {
  await using services = await testServices();
  for (let i = 0; i < 30; i++) spendHere(services, "token", ann);
  const refused = assertThrows(() => spendHere(services, "token", ann));
  assertEquals(refused instanceof DomainError && [refused.code, refused.retryAfterMs! <= 60_000], [
    "rate_limited",
    true,
  ]);
  // Another person at the same address still may, up to the address's wider limit.
  spendHere(services, "token", { ...ann, identity: "guest-bo" });
  assertEquals((await Array.fromAsync(services.kv.list({ prefix: [] }))).length, 0);
  services.clock.advance(60_000);
  spendHere(services, "token", ann);
});

Deno.test("spendHere() counts apart for each store, as apps in one process are", async () => {
  await using a = await testServices();
  await using b = await testServices();
  for (let i = 0; i < 30; i++) spendHere(a, "token", ann);
  assertThrows(() => spendHere(a, "token", ann));
  spendHere(b, "token", ann);
});
