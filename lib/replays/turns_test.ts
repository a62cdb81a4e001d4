import { assertEquals } from "@/tests/assert.ts";
import { turns } from "./turns.ts";

Deno.test("turns() runs so many jobs at once, the others in order as one ends, a failed one too", async () => {
  const inTurn = turns(2);
  const started: number[] = [];
  const finish: (() => void)[] = [];
  const jobs = [0, 1, 2, 3, 4].map((n) =>
    inTurn(async () => {
      started.push(n);
      await new Promise<void>((end) => finish[n] = end);
      if (n === 1) throw new Error("failed");
      return n;
    }).catch((error) => error.message)
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  await settle();
  assertEquals(started, [0, 1]);
  finish[1]!();
  await settle();
  assertEquals(started, [0, 1, 2], "the failed job's turn passes on");
  finish[0]!();
  finish[2]!();
  await settle();
  assertEquals(started, [0, 1, 2, 3, 4]);
  finish[3]!();
  finish[4]!();
  assertEquals(await Promise.all(jobs), [0, "failed", 2, 3, 4]);
});
