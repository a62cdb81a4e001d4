// The islands' one way to call the JSON API: errors come back as plain words.
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
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
    throw new ApiError(
      response.status,
      typeof error?.code === "string" ? error.code : "http_error",
      typeof error?.message === "string" ? error.message : `Something went wrong (HTTP ${response.status}).`,
    );
  }
  return data as T;
}

/** What to tell the person: the server's words, without the field name its 400s start with. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError
    ? error.message.replace(/^\w+: /, "")
    : "Something went wrong. Please try again.";
}
