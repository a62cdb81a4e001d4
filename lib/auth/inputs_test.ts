import { assertEquals } from "@/tests/assert.ts";
import { GuestNameInput, SignUpInput } from "./inputs.ts";

Deno.test("SignUpInput normalises the email and refuses control characters in names", () => {
  const ok = SignUpInput.parse({ email: "  Bo@Example.COM ", name: " Bo ", password: "0123456789" });
  assertEquals(ok, { email: "bo@example.com", name: "Bo", password: "0123456789" });
  assertEquals(
    SignUpInput.safeParse({ email: "bo@example.com", name: "B\u0000o", password: "0123456789" }).success,
    false,
  );
});

Deno.test("GuestNameInput only returns to a path on this site", () => {
  assertEquals(GuestNameInput.parse({ name: "Ann", returnTo: "/watch/abc" }).returnTo, "/watch/abc");
  for (
    const returnTo of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]
  ) {
    assertEquals(GuestNameInput.safeParse({ name: "Ann", returnTo }).success, false, returnTo);
  }
});

Deno.test("a name may not say its owner is the host or a moderator, at sign-up or as a guest", () => {
  const signUp = SignUpInput.safeParse({ email: "a@b.co", name: "Fay (Host)", password: "long enough pass" });
  assertEquals(signUp.error?.issues[0]?.message, "Name must not say you are the host or a moderator");
  const guest = GuestNameInput.safeParse({ name: "Ann | m0d" });
  assertEquals(guest.error?.issues[0]?.message, "Display name must not say you are the host or a moderator");
  for (const name of ["Host", "Ann: Host"]) {
    assertEquals(GuestNameInput.safeParse({ name }).success, false, name);
  }
  for (const name of ["Anna Host", "Ann Seller-Smith"]) {
    assertEquals(GuestNameInput.safeParse({ name }).success, true, `${name}: a surname claims nothing`);
  }
});
