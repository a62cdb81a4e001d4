import { assertEquals } from "../tests/assert.ts";
import { CreateStreamInput, GuestNameInput, SignUpInput } from "./inputs.ts";

Deno.test("SignUpInput normalises the email and refuses control characters in names", () => {
  const ok = SignUpInput.parse({ email: "  Bo@Example.COM ", name: " Bo ", password: "0123456789" });
  assertEquals(ok, { email: "bo@example.com", name: "Bo", password: "0123456789" });
  assertEquals(
    SignUpInput.safeParse({ email: "bo@example.com", name: "B\u0000o", password: "0123456789" }).success,
    false,
  );
});

Deno.test("CreateStreamInput keeps line breaks in descriptions but refuses other control characters", () => {
  assertEquals(CreateStreamInput.parse({ title: "T", description: "a\nb" }).description, "a\nb");
  assertEquals(CreateStreamInput.safeParse({ title: "T", description: "a\u001bb" }).success, false);
});

Deno.test("GuestNameInput only returns to a path on this site", () => {
  assertEquals(GuestNameInput.parse({ name: "Ann", returnTo: "/watch/abc" }).returnTo, "/watch/abc");
  for (
    const returnTo of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]
  ) {
    assertEquals(GuestNameInput.safeParse({ name: "Ann", returnTo }).success, false, returnTo);
  }
});
