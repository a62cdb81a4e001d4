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
