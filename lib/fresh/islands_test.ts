import { findIslandFiles } from "./islands.ts";
import { assertEquals, assertRejects } from "./test_utils.ts";

async function islandsDir(files: string[]): Promise<URL> {
  const dir = await Deno.makeTempDir();
  for (const name of files) await Deno.writeTextFile(`${dir}/${name}`, "export {};\n");
  return new URL(`file://${dir}/`);
}

Deno.test("findIslandFiles() gives an island the starter beside it, and no island of its own", async () => {
  const dir = await islandsDir(["Player.tsx", "Player.start.ts", "Chat.tsx"]);
  try {
    const found = await findIslandFiles(dir);
    assertEquals(found.map((f) => [f.name, f.starter?.href ?? null]), [
      ["Chat", null],
      ["Player", new URL("Player.start.ts", dir).href],
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("findIslandFiles() refuses a starter without its island", async () => {
  const dir = await islandsDir(["Chat.tsx", "Player.start.ts"]);
  try {
    await assertRejects(() => findIslandFiles(dir), /starter Player.start.ts has no island Player/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
