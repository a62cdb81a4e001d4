import { signal } from "@preact/signals";
import { assertEquals } from "@/tests/assert.ts";
import { sayAfresh, sayFor } from "./say_for.ts";

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

Deno.test("sayAfresh() empties the words first, so the same words said again are read again", async () => {
  const said = signal("Bob reserved 1 × Socks");
  const heard: string[] = [];
  const stop = said.subscribe((words) => heard.push(words));
  sayAfresh(said, "Bob reserved 1 × Socks");
  await after(0);
  stop();
  assertEquals(heard, ["Bob reserved 1 × Socks", "", "Bob reserved 1 × Socks"]);
});
