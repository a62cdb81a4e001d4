// Request-body helpers with uniform errors: 415 unsupported_media_type,
// 400 bad_json / bad_form for unparsable bodies, 400 invalid_input naming the
// first bad field ("email: Invalid email address") and carrying every bad field's problem.
import { z } from "zod";
import { HttpError, InvalidInput } from "./http_error.ts";

interface HasRequest {
  req: Request;
}

function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]!.trim()
    .toLowerCase();
}

function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".");
  const message = field ? `${field}: ${issue?.message}` : issue?.message ?? "Invalid input";
  const fields: Record<string, string> = {};
  for (const { path, message } of result.error.issues) {
    if (path.length) fields[String(path[0])] ??= message;
  }
  throw new InvalidInput(message, fields);
}

/** Parses an `application/json` body and validates it with `schema`. */
export async function readJson<T>(
  ctx: HasRequest,
  schema: z.ZodType<T>,
): Promise<T> {
  const type = mediaType(ctx.req);
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new HttpError(
      415,
      "unsupported_media_type",
      "Expected an application/json body",
    );
  }
  const text = await ctx.req.text().catch((error) => {
    // Too large or too slow says so; a body cut off on its way is as good as bad JSON.
    if (error instanceof HttpError) throw error;
    throw badJson();
  });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badJson();
  }
  return validate(schema, body);
}

const badJson = () => new HttpError(400, "bad_json", "Request body is not valid JSON");

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** A urlencoded or multipart form body, parsed (once: the caller keeps it). */
export async function formBody(ctx: HasRequest): Promise<FormData> {
  if (!FORM_TYPES.includes(mediaType(ctx.req))) {
    throw new HttpError(415, "unsupported_media_type", "Expected a form body");
  }
  try {
    return await ctx.req.formData();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "bad_form", "Request body is not a valid form");
  }
}

/** A parsed form as an object (repeated keys become arrays, files stay `File`s), validated with `schema`. */
export function validateForm<T>(form: FormData, schema: z.ZodType<T>): T {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    fields[key] = values.length === 1 ? values[0]! : values;
  }
  return validate(schema, fields);
}

/** Parses a urlencoded or multipart form body and validates it with `schema`. */
export async function readForm<T>(
  ctx: HasRequest,
  schema: z.ZodType<T>,
): Promise<T> {
  return validateForm(await formBody(ctx), schema);
}

export async function readJsonOrForm<J, F>(
  ctx: HasRequest,
  json: z.ZodType<J>,
  form: z.ZodType<F>,
): Promise<J | F> {
  return FORM_TYPES.includes(mediaType(ctx.req)) ? await readForm(ctx, form) : await readJson(ctx, json);
}

const Nothing = z.object({}).strict();

/** For actions that take no input: no body or `{}`; anything else is refused as invalid input. */
export async function readEmpty(ctx: HasRequest): Promise<void> {
  if (await ctx.req.clone().text()) await readJson(ctx, Nothing);
}

/** The URL's query parameters (one value each) checked with `schema`. */
export function readQuery<T>(ctx: { url: URL }, schema: z.ZodType<T>): T {
  return validate(schema, Object.fromEntries(ctx.url.searchParams));
}

/** The route's parameters from the address, checked with `schema`. */
export function readParams<T>(ctx: { params: Record<string, string | undefined> }, schema: z.ZodType<T>): T {
  return validate(schema, ctx.params);
}

/** Like readJson, but a request with no body at all reads as `{}`. */
export async function readJsonOrEmpty<T>(ctx: HasRequest, schema: z.ZodType<T>): Promise<T> {
  if (!await ctx.req.clone().text()) return validate(schema, {});
  return await readJson(ctx, schema);
}
