import { assert, assertMatch } from "@/tests/assert.ts";
import { hashPassword, verifyPassword } from "./password.ts";

Deno.test("hashPassword() produces an argon2id hash that verifyPassword() accepts", async () => {
  const hash = await hashPassword("correct horse battery");
  assertMatch(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert(await verifyPassword("correct horse battery", hash));
});

Deno.test("verifyPassword() refuses a wrong password", async () => {
  const hash = await hashPassword("correct horse battery");
  assert(!(await verifyPassword("correct horse batterz", hash)));
});

Deno.test("hashPassword() salts: the same password hashes differently twice", async () => {
  assert((await hashPassword("same password")) !== (await hashPassword("same password")));
});

Deno.test("verifyPassword() accepts the hashes stored before the move to native threads", async () => {
  // Made by hash-wasm, which hashed before: same parameters, same PHC string format.
  const stored =
    "$argon2id$v=19$m=19456,t=2,p=1$BwcHBwcHBwcHBwcHBwcHBw$WLRGUa13/B3MXznFse33FId4O++DaYL6ulYUMEhpRqE";
  assert(await verifyPassword("correct horse battery", stored));
});

Deno.test("hashing runs off the event loop: timers keep firing while eight hashes run", async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    await Promise.all(Array.from({ length: 8 }, () => hashPassword("correct horse battery")));
  } finally {
    clearInterval(timer);
  }
  assert(ticks >= 5, `only ${ticks} timer ticks while hashing`);
});

Deno.test("a flood of hashes beyond the queue is told to try again at once, not queued without end", async () => {
  const results = await Promise.allSettled(Array.from({ length: 60 }, () => hashPassword("flood")));
  const busy = results.filter((r) => r.status === "rejected");
  assert(busy.length >= 20, `${busy.length} refused`);
  assert(busy.every((r) => (r as PromiseRejectedResult).reason?.code === "busy"));
  assert(results.some((r) => r.status === "fulfilled"));
});
