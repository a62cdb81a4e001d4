// Links the server and the islands both build, so the two spell them alike.

/** The sign-in page, coming back to `returnTo`; `ended` says a session ended meanwhile. */
export function signInPath(returnTo: string, ended = false): string {
  return `/signin?returnTo=${encodeURIComponent(returnTo)}${ended ? "&ended" : ""}`;
}
