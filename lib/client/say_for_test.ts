import { signal } from "@preact/signals";
import { assertEquals } from "@/tests/assert.ts";
import { sayFor } from "./say_for.ts";

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("sayFor() empties the words once their time is over", async () => {
  const said = signal("");
  sayFor(said, "Thanks", 20);
  assertEquals(said.value, "Thanks");
  await after(40);
  assertEquals(said.value, "");
});

Deno.test("sayFor() leaves words put there meanwhile, and gives words said again their full time", async () => {
  const said = signal("");
  sayFor(said, "Thanks", 20);
  said.value = "Not sent";
  await after(40);
  assertEquals(said.value, "Not sent", "other words stay");
  sayFor(said, "Thanks", 40);
  await after(20);
  sayFor(said, "Thanks", 40);
  await after(30);
  assertEquals(said.value, "Thanks", "the first saying's time does not cut the second's short");
  await after(30);
  assertEquals(said.value, "");
});
