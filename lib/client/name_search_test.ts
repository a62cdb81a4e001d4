import { assertEquals } from "@/tests/assert.ts";
import { nameMatcher } from "./name_search.ts";

const names = ["Crème brûlée mug", "Hemp trousers no.56", "Linen shirt", "Ångström lamp"];
const found = (typed: string) => names.filter(nameMatcher(typed));

Deno.test("nameMatcher() finds names holding what was typed, whatever its case and accents", () => {
  assertEquals(found("creme"), ["Crème brûlée mug"]);
  assertEquals(found("BRÛLÉE"), ["Crème brûlée mug"]);
  assertEquals(found("angstrom"), ["Ångström lamp"]);
  assertEquals(found("  hemp TROUSERS  "), ["Hemp trousers no.56"]);
  assertEquals(found("shirt"), ["Linen shirt"]);
  assertEquals(found("silk"), []);
});

Deno.test("nameMatcher() finds every name while nothing is typed", () => {
  assertEquals(found(""), names);
  assertEquals(found("   "), names);
});
