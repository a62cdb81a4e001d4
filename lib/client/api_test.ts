import { assertEquals } from "@/tests/assert.ts";
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

Deno.test("messageOf() says how long to wait when the server refuses a request for going too fast", () => {
  const tooFast = new ApiError(429, "too_many_messages", "You're sending messages too fast.", 4);
  assertEquals(messageOf(tooFast), "You're sending messages too fast. Try again in 4 s.");
  const longer = new ApiError(429, "too_many_sign_ins", "Too many sign-in attempts. Try again later.", 300);
  assertEquals(
    messageOf(longer),
    "Too many sign-in attempts. Try again in 5 minutes.",
    "the wait replaces 'later'",
  );
  const slow = new ApiError(429, "slow_mode", "Slow mode is on: one message every 10 seconds.", 10);
  assertEquals(messageOf(slow), "Slow mode is on: one message every 10 seconds. Try again in 10 s.");
});
