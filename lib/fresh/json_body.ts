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

/** `say` words a field's problem otherwise than zod would (readQuery's "given more than once"). */
function validate<T>(
  schema: z.ZodType<T>,
  input: unknown,
  say: (issue: z.core.$ZodIssue) => string = (issue) => issue.message,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".");
  const message = field ? `${field}: ${say(issue!)}` : issue ? say(issue) : "Invalid input";
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.path.length) fields[String(issue.path[0])] ??= say(issue);
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

// More than any of the app's forms sends (200 blocked words at most). Counted before the
// body is parsed: parsing a hundred thousand tiny fields would hold the one thread for seconds.
export const MAX_FORM_FIELDS = 256;

/** A urlencoded or multipart form body, parsed (once: the caller keeps it). */
export async function formBody(ctx: HasRequest): Promise<FormData> {
  const type = mediaType(ctx.req);
  if (!FORM_TYPES.includes(type)) {
    throw new HttpError(415, "unsupported_media_type", "Expected a form body");
  }
  try {
    const body = new Uint8Array(await ctx.req.arrayBuffer());
    if (fieldsIn(body, type) > MAX_FORM_FIELDS) {
      throw new HttpError(400, "too_many_fields", `A form may have at most ${MAX_FORM_FIELDS} fields`);
    }
    const contentType = ctx.req.headers.get("content-type")!;
    if (type === "multipart/form-data" && !closed(body, contentType)) throw new Error("cut off");
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "bad_form", "Request body is not a valid form");
  }
}

/**
 * How many fields a form's body holds at most, from its separators, by its media type
 * alone (a header's other parameters can be made to say anything): a urlencoded body's
 * fields are joined by "&"; a multipart body's parts each start on a line of their own
 * with "--" and the boundary, whatever that is.
 */
function fieldsIn(body: Uint8Array, type: string): number {
  return type === "multipart/form-data" ? count(body, "\n--") : count(body, "&") + 1;
}

/**
 * Whether a multipart body holds its closing delimiter ("--", the boundary, "--"), as
 * every client sends it: the parser would take a body cut off in a part (a dropped
 * upload) for the fields before it, and a cut-off form must change nothing. A preamble
 * and an epilogue are allowed, as the standard has them (RFC 2046).
 */
function closed(body: Uint8Array, contentType: string): boolean {
  const boundary = boundaryOf(contentType);
  return boundary !== null && new TextDecoder("latin1").decode(body).includes(`--${boundary}--`);
}

/** The boundary the parser reads from the header: its first `boundary` parameter, quoted or not. */
function boundaryOf(contentType: string): string | null {
  const found = /;\s*boundary=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/i.exec(contentType);
  if (!found) return null;
  return found[1] !== undefined ? found[1].replace(/\\(.)/g, "$1") : found[2]!.trimEnd();
}

/** How many times `separator` is in `body`, up to a little past MAX_FORM_FIELDS. */
function count(body: Uint8Array, separator: string): number {
  const mark = new TextEncoder().encode(separator);
  let found = 0;
  for (
    let at = body.indexOf(mark[0]!);
    at !== -1 && found <= MAX_FORM_FIELDS + 1;
    at = body.indexOf(mark[0]!, at + 1)
  ) {
    if (mark.every((byte, i) => body[at + i] === byte)) found++;
  }
  return found;
}

/**
 * A parsed form as an object (repeated keys become arrays, files stay `File`s), validated
 * with `schema`: a key given more than once where one value is wanted is said so.
 */
export function validateForm<T>(form: FormData, schema: z.ZodType<T>): T {
  const fields = byKey(form);
  return validate(schema, fields, onceEach(fields));
}

/** Says "given more than once" of a field that came as an array where one value is wanted (zod: "received array"). */
function onceEach(fields: Record<string, unknown>) {
  return (issue: z.core.$ZodIssue) =>
    issue.code === "invalid_type" && issue.path.length === 1 && Array.isArray(fields[String(issue.path[0])])
      ? "given more than once"
      : issue.message;
}

/** Entries as an object, a key given more than once holding an array of its values. */
function byKey<V>(entries: Iterable<[string, V]>): Record<string, V | V[]> {
  // One pass: FormData's getAll() reads every field, so once per key would cost fields².
  const fields: Record<string, V | V[]> = {};
  for (const [key, value] of entries) {
    const held = fields[key];
    if (held === undefined) fields[key] = value;
    else if (Array.isArray(held)) held.push(value);
    else fields[key] = [held, value];
  }
  return fields;
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

/** What an action that takes no input accepts: `{}`, or a form with no fields. */
export const Nothing = z.object({}).strict();

/** For actions that take no input: no body or `{}`; anything else is refused as invalid input. */
export async function readEmpty(ctx: HasRequest): Promise<void> {
  if (await ctx.req.clone().text()) await readJson(ctx, Nothing);
}

/**
 * The URL's query parameters (one value each) checked with `schema`. A key given more than
 * once reaches the schema as an array, so it is bad input as any other (an API's 400, a
 * page's schema drops it), never silently its last value.
 */
export function readQuery<T>(ctx: { url: URL }, schema: z.ZodType<T>): T {
  const query = byKey(ctx.url.searchParams);
  return validate(schema, query, onceEach(query));
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
