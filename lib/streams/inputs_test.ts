import { assertEquals } from "@/tests/assert.ts";
import { CreateStreamInput } from "./inputs.ts";

Deno.test("CreateStreamInput keeps line breaks in descriptions but refuses other control characters", () => {
  assertEquals(CreateStreamInput.parse({ title: "T", description: "a\nb" }).description, "a\nb");
  assertEquals(CreateStreamInput.safeParse({ title: "T", description: "a\u001bb" }).success, false);
});
