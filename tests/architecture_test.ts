// The shape of the code, held by tests: the browser's code reaches only the shared
// contract (never the store, LiveKit's server SDK or any server module), routes stay
// thin, and lib/ keeps every module in a folder that names its layer or capability.
import { assert, assertEquals } from "./assert.ts";

const ROOT = new URL("../", import.meta.url);

/**
 * Where browser code may import from: itself, presentational components, the contract, and
 * the one module of the framework's browser runtime a starter calls (as Fresh's `$fresh/runtime`).
 */
const BROWSER_SAFE = ["islands/", "components/", "lib/client/", "lib/contract/", "lib/fresh/page_settled.ts"];

async function filesIn(dir: string, pattern = /\.tsx?$/): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(new URL(dir, ROOT))) {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory) found.push(...await filesIn(`${path}/`, pattern));
    else if (pattern.test(entry.name) && !entry.name.endsWith("_test.ts")) found.push(path);
  }
  return found;
}

/** Every local module `file` imports, directly or through others (types included). */
async function localGraph(file: string): Promise<string[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", file],
    cwd: ROOT,
    stdout: "piped",
    stderr: "inherit",
  }).output();
  assert(out.success, `deno info ${file} failed`);
  const { modules } = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    modules: { specifier: string }[];
  };
  return modules.map((m) => m.specifier).filter((s) => s.startsWith(ROOT.href)).map((s) =>
    s.slice(ROOT.href.length)
  );
}

Deno.test("islands and lib/client import only the contract, components and each other, never server modules", async () => {
  const roots = [...await filesIn("islands/"), ...await filesIn("lib/client/")];
  const reached = await Promise.all(roots.map(async (root) => [root, await localGraph(root)] as const));
  const leaks = reached.flatMap(([root, graph]) =>
    graph.filter((m) => !BROWSER_SAFE.some((dir) => m.startsWith(dir))).map((m) => `${root} → ${m}`)
  );
  assertEquals(leaks, []);
  assert(reached.length > 10, "the walk found the islands");
});

Deno.test("no file under routes/ is over 40 lines: routes parse, call one action and respond", async () => {
  const long: string[] = [];
  for (const file of await filesIn("routes/")) {
    const lines = (await Deno.readTextFile(new URL(file, ROOT))).trimEnd().split("\n").length;
    if (lines > 40) long.push(`${file}: ${lines} lines`);
  }
  assertEquals(long, []);
});

Deno.test("lib/ has no loose modules: each lives in the folder of its layer or capability", async () => {
  const loose: string[] = [];
  for await (const entry of Deno.readDir(new URL("lib/", ROOT))) if (entry.isFile) loose.push(entry.name);
  assertEquals(loose, []);
});
