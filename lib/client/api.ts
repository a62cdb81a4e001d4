// The islands' one way to call the JSON API: errors come back as plain words, a refusal
// for going too fast says how long to wait, and one until a moment says when, in the
// viewer's own time.
import { localTime } from "@/lib/contract/dates.ts";
import { withWait } from "@/lib/contract/wait.ts";

/** A stream's address in the JSON API. */
export const streamApi = (streamId: string) => `/api/streams/${encodeURIComponent(streamId)}`;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From `Retry-After`, on a 429 or 503, or until `until`. */
    readonly retryAfterSeconds?: number,
    /** From the error's `until`: the refusal holds until then (a timeout from chat). */
    readonly until?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function postJson<T>(path: string, body: unknown = {}): Promise<T> {
  return sendJson<T>("POST", path, body);
}

export function putJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>("PUT", path, body);
}

/** Sends raw bytes (a piece of a recording) and reads the JSON answer. */
export function putBytes<T>(path: string, body: Blob): Promise<T> {
  return request<T>(path, { method: "PUT", body });
}

/** Posts a page's form as the browser would, asking for the JSON answer instead of a page. */
export function postForm<T>(form: HTMLFormElement): Promise<T> {
  return request<T>(form.action, {
    method: "POST",
    headers: { accept: "application/json" },
    body: new FormData(form),
  });
}

export function deleteJson<T>(path: string): Promise<T> {
  return request<T>(path, { method: "DELETE", headers: { accept: "application/json" } });
}

function sendJson<T>(method: string, path: string, body: unknown): Promise<T> {
  return request<T>(path, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function getJson<T>(path: string): Promise<T> {
  return request<T>(path, { headers: { accept: "application/json" } });
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "network", "Can't reach Showfloor. Check your connection and try again.");
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error;
    const until = typeof error?.until === "string" ? error.until : undefined;
    // A refusal until a moment is a wait, too: its words go once it is over.
    const wait = Number(response.headers.get("retry-after")) ||
      Math.ceil((Date.parse(until!) - Date.now()) / 1000);
    throw new ApiError(
      response.status,
      typeof error?.code === "string" ? error.code : "http_error",
      typeof error?.message === "string" ? error.message : `Something went wrong (HTTP ${response.status}).`,
      wait > 0 ? wait : undefined,
      until,
    );
  }
  return data as T;
}

/** Not an answer about the request, but no answer: no connection, or the app (re)starting behind a proxy. */
export const unreachable = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || [502, 503, 504].includes(error.status));

/**
 * What to tell the person: the server's words, without the field name its 400s start
 * with, and for a refusal that comes with a wait, how long it is or until when.
 */
export function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  const words = error.message.replace(/^\w+: /, "");
  if (error.until) return `${words} You can chat again at ${localTime(error.until, true)}.`;
  const wait = error.retryAfterSeconds;
  return error.status === 429 && wait ? withWait(words, wait) : words;
}
