import { assertEquals } from "@/tests/assert.ts";
import { connectionIdentity, isStudioOf, sellerIdentity } from "./names.ts";

Deno.test("isStudioOf() is true only for the seller's own broadcast connections", () => {
  const seller = sellerIdentity("s1");
  assertEquals(isStudioOf(connectionIdentity(seller, true), "s1"), true);
  // Their own watch page, another seller's studio, a guest named like a host, no suffix at all.
  assertEquals(isStudioOf(connectionIdentity(seller, false), "s1"), false);
  assertEquals(isStudioOf(connectionIdentity(sellerIdentity("s2"), true), "s1"), false);
  assertEquals(isStudioOf(connectionIdentity("guest-s1", true), "s1"), false);
  assertEquals(isStudioOf(seller, "s1"), false);
});
