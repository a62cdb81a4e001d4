import { compareRoutes, scanRoutes, toPattern } from "./routes.ts";
import { assert, assertEquals, FIXTURE } from "./test_utils.ts";

Deno.test("toPattern() maps file paths to Hono patterns", () => {
  assertEquals(toPattern(["index"]), "/");
  assertEquals(toPattern(["watch", "[id]"]), "/watch/:id");
  assertEquals(
    toPattern(["api", "streams", "[id]", "token"]),
    "/api/streams/:id/token",
  );
  assertEquals(toPattern(["studio", "index"]), "/studio");
  assertEquals(toPattern(["files", "[...rest]"]), "/files/:rest{.+}");
  assertEquals(toPattern(["(shop)", "cart"]), "/cart");
});

Deno.test("compareRoutes() orders static before dynamic before catch-all", () => {
  const sorted = ["/:rest{.+}", "/streams/:id", "/streams/new", "/:a/:b", "/"]
    .sort(compareRoutes);
  assertEquals(sorted, [
    "/",
    "/streams/new",
    "/streams/:id",
    "/:a/:b",
    "/:rest{.+}",
  ]);
});

Deno.test("scanRoutes() finds routes, specials and per-folder middleware", async () => {
  const table = await scanRoutes(new URL("routes/", FIXTURE));
  const patterns = table.routes.map((r) => r.pattern);
  assert(patterns.indexOf("/streams/new") < patterns.indexOf("/streams/:id"));
  assert(
    !patterns.some((p) => p.includes("_")),
    "special files are not routes",
  );
  assert(table.app && table.error);
  const studio = table.routes.find((r) => r.pattern === "/studio");
  assertEquals(studio?.middlewares.length, 2);
  assertEquals(
    table.routes.find((r) => r.pattern === "/")?.middlewares.length,
    1,
  );
});
