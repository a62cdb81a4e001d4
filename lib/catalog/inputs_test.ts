import { assertEquals } from "@/tests/assert.ts";
import { ProductForm, ProductInput, ProductPatch, StudioProductForm } from "./inputs.ts";

const shirt = { name: "Shirt", priceMinor: 4900, currency: "EUR" as const, stock: 3 };

Deno.test("ProductForm reads typed whole numbers and refuses empty, fractional and negative ones", () => {
  const typed = { ...shirt, priceMinor: " 4900 ", stock: "3", buyUrl: "" };
  assertEquals(ProductForm.parse(typed), { ...shirt, description: "", buyUrl: null });
  for (const priceMinor of ["", "1.5", "-1", "1e3", "0x10"]) {
    assertEquals(ProductForm.safeParse({ ...typed, priceMinor }).success, false, priceMinor);
  }
  assertEquals(ProductInput.safeParse({ ...shirt, priceMinor: "4900" }).success, false, "JSON wants numbers");
  assertEquals(
    ProductForm.parse({ ...typed, image: new File([], "") }).image,
    undefined,
    "an empty file input is no image",
  );
});

Deno.test("StudioProductForm reads the price as people write it, in the currency's minor units", () => {
  const typed = { name: "Shirt", currency: "EUR", stock: "3" };
  assertEquals(StudioProductForm.parse({ ...typed, price: "49,90" }).priceMinor, 4990);
  assertEquals(StudioProductForm.parse({ ...typed, currency: "JPY", price: "4900" }).priceMinor, 4900);
  const problem = (fields: Record<string, string>) =>
    StudioProductForm.safeParse({ ...typed, ...fields }).error?.issues.map((i) => [i.path.join(), i.message]);
  assertEquals(problem({ price: "49.999" }), [["price", "Price must be an amount like 49.90"]]);
  assertEquals(problem({ currency: "JPY", price: "49.5" }), [[
    "price",
    "Prices in JPY have no decimals: type a whole amount, like 4990",
  ]]);
  assertEquals(problem({ currency: "JPY", price: "49 yen" }), [[
    "price",
    "Price must be an amount like 4990",
  ]]);
  assertEquals(problem({ price: "-1" }), [["price", "Price must be an amount like 49.90"]]);
  // Thousands separators, as a German or an American writes them: named, not "an amount like".
  for (const price of ["1.234,50", "1,234.50", "1 234", "12.345.678"]) {
    assertEquals(problem({ price }), [[
      "price",
      "Write the amount without thousands separators, like 1234.50",
    ]]);
  }
  assertEquals(problem({ currency: "JPY", price: "1.234.567" }), [[
    "price",
    "Write the amount without thousands separators, like 1234",
  ]]);
  assertEquals(
    StudioProductForm.parse({ ...typed, price: "1234,50" }).priceMinor,
    123450,
    "one comma: decimals",
  );
  // The form is `novalidate`: an empty price is named here, not by the browser's bubble.
  assertEquals(problem({ price: " " }), [["price", "Price is required"]]);
  assertEquals(problem({ price: "2000000" }), [["price", "Price must be at most €1,000,000.00"]]);
  // Every field's problem at once: the price is checked beside a refused stock.
  assertEquals(problem({ price: "abc", stock: "-1" }), [
    ["stock", "Stock must not be negative"],
    ["price", "Price must be an amount like 49.90"],
  ]);
  assertEquals(
    problem({ price: "49", priceMinor: "4900" })?.[0]?.[0],
    "",
    "the minor-units field is the API's",
  );
});

Deno.test("ProductPatch leaves out what was not sent, so an edit never clears a field by omission", () => {
  assertEquals(ProductPatch.parse({ stock: 1 }), { stock: 1 });
  assertEquals(ProductPatch.parse({ buyUrl: "" }), { buyUrl: null });
});
