import { z } from "zod";
import { HttpError } from "./http_error.ts";
import { readForm, readJson, readJsonOrForm } from "./json_body.ts";
import { assertEquals, assertRejects } from "./test_utils.ts";

const Body = z.object({ email: z.email(), count: z.number().int() });
const post = (body: BodyInit, type?: string) => ({
  req: new Request("http://x/", {
    method: "POST",
    body,
    headers: type ? { "content-type": type } : {},
  }),
});
async function failure(p: Promise<unknown>): Promise<[number, string, string]> {
  const err = await assertRejects(() => p, /HttpError/) as HttpError;
  return [err.status, err.code, err.message];
}

Deno.test("readJson() returns the validated body", async () => {
  const ctx = post(
    '{"email":"a@b.co","count":2}',
    "application/json; charset=utf-8",
  );
  assertEquals(await readJson(ctx, Body), { email: "a@b.co", count: 2 });
});

Deno.test("readJson() rejects a non-JSON content type with 415", async () => {
  assertEquals(
    (await failure(readJson(post("{}", "text/plain"), Body))).slice(0, 2),
    [
      415,
      "unsupported_media_type",
    ],
  );
});

Deno.test("readJson() rejects malformed JSON with 400 bad_json", async () => {
  assertEquals(
    (await failure(readJson(post("{nope", "application/json"), Body))).slice(
      0,
      2,
    ),
    [
      400,
      "bad_json",
    ],
  );
});

Deno.test("readJson() names the first bad field in a 400 invalid_input", async () => {
  const ctx = post('{"email":"nope","count":2}', "application/json");
  assertEquals(await failure(readJson(ctx, Body)), [
    400,
    "invalid_input",
    "email: Invalid email address",
  ]);
});

Deno.test("readForm() reads urlencoded and multipart forms, repeated keys as arrays", async () => {
  const Form = z.object({ email: z.email(), tag: z.array(z.string()) });
  const params = new URLSearchParams([["email", "a@b.co"], ["tag", "x"], [
    "tag",
    "y",
  ]]);
  const expected = { email: "a@b.co", tag: ["x", "y"] };
  assertEquals(
    await readForm(post(params, "application/x-www-form-urlencoded"), Form),
    expected,
  );
  const fd = new FormData();
  for (const [k, v] of params) fd.append(k, v);
  const req = new Request("http://x/", { method: "POST", body: fd });
  assertEquals(await readForm({ req }, Form), expected);
});

Deno.test("readForm() rejects JSON with 415 and bad fields with 400 invalid_input", async () => {
  const Form = z.object({ email: z.email() });
  assertEquals(
    (await failure(readForm(post("{}", "application/json"), Form)))[0],
    415,
  );
  const bad = post(
    new URLSearchParams({ email: "x" }),
    "application/x-www-form-urlencoded",
  );
  assertEquals(await failure(readForm(bad, Form)), [
    400,
    "invalid_input",
    "email: Invalid email address",
  ]);
});

Deno.test("readJsonOrForm() checks a form with the form schema and anything else as JSON", async () => {
  const Json = z.object({ n: z.number() });
  const Form = z.object({ n: z.string().transform(Number) });
  assertEquals(await readJsonOrForm(post('{"n":1}', "application/json"), Json, Form), { n: 1 });
  const form = post(new URLSearchParams({ n: "2" }), "application/x-www-form-urlencoded");
  assertEquals(await readJsonOrForm(form, Json, Form), { n: 2 });
  assertEquals((await failure(readJsonOrForm(post("n=3", "text/plain"), Json, Form)))[0], 415);
});
