import { assertEquals } from "../../tests/assert.ts";
import { ApiError, messageOf } from "./api.ts";

Deno.test("messageOf() tells the server's words without the field name, and something plain otherwise", () => {
  const invalid = new ApiError(
    400,
    "invalid_input",
    "salePriceMinor: The sale price must be below the list price",
  );
  assertEquals(messageOf(invalid), "The sale price must be below the list price");
  const ended = new ApiError(409, "sale_ended", "The flash sale on Silk scarf ended at 01:22:33 UTC");
  assertEquals(messageOf(ended), "The flash sale on Silk scarf ended at 01:22:33 UTC");
  assertEquals(messageOf(new TypeError("boom")), "Something went wrong. Please try again.");
});
