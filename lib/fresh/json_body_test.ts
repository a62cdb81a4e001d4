import { z } from "zod";
import { HttpError } from "./http_error.ts";
import { MAX_FORM_FIELDS, readForm, readJson, readJsonOrForm } from "./json_body.ts";
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

Deno.test("readForm() refuses a multipart body cut off before its closing delimiter", async () => {
  const Form = z.object({ email: z.email(), note: z.string() });
  const fd = new FormData();
  fd.set("email", "a@b.co");
  fd.set("note", "x".repeat(100));
  const whole = new Request("http://x/", { method: "POST", body: fd });
  const type = whole.headers.get("content-type")!;
  const body = new Uint8Array(await whole.arrayBuffer());
  // Cut in the last part's value, and just before its final "--": the fields before are whole.
  for (const cut of [body.length - 60, body.length - 4]) {
    assertEquals(await failure(readForm(post(body.subarray(0, cut), type), Form)), [
      400,
      "bad_form",
      "Request body is not a valid form",
    ]);
  }
  assertEquals(await readForm(post(body, type), Form), { email: "a@b.co", note: "x".repeat(100) });
});

Deno.test("readForm() reads a multipart body by its header's boundary, with a preamble and an epilogue", async () => {
  const Form = z.object({ email: z.email(), note: z.string() });
  const part = (boundary: string, name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const parts = part("XyZ", "email", "a@b.co") + part("XyZ", "note", "hi") + "--XyZ--\r\n";
  for (const type of ["multipart/form-data; boundary=XyZ", 'multipart/form-data; boundary="XyZ"']) {
    for (const body of [parts, "A preamble.\r\n" + parts, "\r\n" + parts, parts + "An epilogue.\r\n"]) {
      assertEquals(await readForm(post(body, type), Form), { email: "a@b.co", note: "hi" }, body);
    }
  }
  // A body that closes another boundary than its header's, its last part cut off.
  const other = part("A", "email", "a@b.co") + part("XyZ", "note", "cut") + "--A--";
  assertEquals(
    (await failure(readForm(post(other, "multipart/form-data; boundary=XyZ"), Form)))[1],
    "bad_form",
  );
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

Deno.test("readForm() says a field given more than once is, where one value is wanted", async () => {
  const Form = z.object({ text: z.string(), tag: z.array(z.string()).max(1, "At most 1 tag") });
  const twice = new URLSearchParams([["text", "a"], ["text", "b"], ["tag", "x"]]);
  assertEquals(await failure(readForm(post(twice, "application/x-www-form-urlencoded"), Form)), [
    400,
    "invalid_input",
    "text: given more than once",
  ]);
  // A field that takes many says its own problem.
  const tags = new URLSearchParams([["text", "a"], ["tag", "x"], ["tag", "y"]]);
  assertEquals(
    (await failure(readForm(post(tags, "application/x-www-form-urlencoded"), Form)))[2],
    "tag: At most 1 tag",
  );
});

Deno.test("readJsonOrForm() checks a form with the form schema and anything else as JSON", async () => {
  const Json = z.object({ n: z.number() });
  const Form = z.object({ n: z.string().transform(Number) });
  assertEquals(await readJsonOrForm(post('{"n":1}', "application/json"), Json, Form), { n: 1 });
  const form = post(new URLSearchParams({ n: "2" }), "application/x-www-form-urlencoded");
  assertEquals(await readJsonOrForm(form, Json, Form), { n: 2 });
  assertEquals((await failure(readJsonOrForm(post("n=3", "text/plain"), Json, Form)))[0], 415);
});

Deno.test("readForm() refuses a form of more fields than any of the app's, whatever its encoding", async () => {
  const Form = z.object({ email: z.email() });
  const many = new URLSearchParams([["email", "a@b.co"]]);
  for (let i = 0; i < 10_000; i++) many.append(`f${i % 3}`, "");
  const urlencoded = post(many, "application/x-www-form-urlencoded");
  const multipart = new FormData();
  for (const [k, v] of many) multipart.append(k, v);
  const req = new Request("http://x/", { method: "POST", body: multipart });
  // Whatever else the header says: a boundary on a urlencoded body, a quoted one with an
  // escape the parser reads otherwise, one hidden in another parameter's value.
  const headed = (type: string, body: BodyInit) => ({
    req: new Request("http://x/", { method: "POST", body, headers: { "content-type": type } }),
  });
  const parts = (boundary: string) =>
    Array.from(
      { length: 300 },
      (_, i) => `--${boundary}\r\ncontent-disposition: form-data; name="f${i}"\r\n\r\n\r\n`,
    )
      .join("") + `--${boundary}--\r\n`;
  const disguised = [
    headed("application/x-www-form-urlencoded; boundary=zz", many.toString()),
    headed('multipart/form-data; boundary="a\\"b"', parts('a"b')),
    headed('multipart/form-data; foo="; boundary=zzz"; boundary=real', parts("real")),
  ];
  for (const form of [urlencoded, { req }, ...disguised]) {
    assertEquals(await failure(readForm(form, Form)), [
      400,
      "too_many_fields",
      "A form may have at most 256 fields",
    ]);
  }
  // As many as allowed still reads, repeated keys as arrays.
  const most = new URLSearchParams([["email", "a@b.co"]]);
  for (let i = 1; i < MAX_FORM_FIELDS; i++) most.append("tag", "x");
  const Tagged = z.object({ email: z.email(), tag: z.array(z.string()) });
  const read = await readForm(post(most, "application/x-www-form-urlencoded"), Tagged);
  assertEquals(read.tag.length, MAX_FORM_FIELDS - 1);
});
