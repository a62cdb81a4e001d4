import { assertEquals } from "@/tests/assert.ts";
import { signInPath } from "./paths.ts";

Deno.test("signInPath() comes back to its path, saying when a session ended", () => {
  assertEquals(signInPath("/studio/a b?x=1"), "/signin?returnTo=%2Fstudio%2Fa%20b%3Fx%3D1");
  assertEquals(signInPath("/studio/s1", true), "/signin?returnTo=%2Fstudio%2Fs1&ended");
  assertEquals(signInPath("/studio/s1", false), "/signin?returnTo=%2Fstudio%2Fs1");
});
