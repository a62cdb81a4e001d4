import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { testServices } from "@/tests/fixtures/services.ts";
import { DomainError } from "@/lib/core/errors.ts";
import { spend } from "./limiter.ts";

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
  for (let i = 0; i < 20; i++) await spend(services, "guest", { identity: "", address: ann.address });
  await assertRejects(() => spend(services, "guest", { identity: "", address: ann.address }));
  await spend(services, "guest", { identity: "", address: "203.0.113.1" });
});

Deno.test("spend() never lets racing requests past the limit", async () => {
  await using services = await testServices();
  const results = await Promise.allSettled(Array.from({ length: 12 }, () => spend(services, "chat", ann)));
  assertEquals(results.filter((r) => r.status === "fulfilled").length, 5);
});
