// Whether the seller's session ended while their studio was open (signed out from another
// browser, a password change): the studio's requests are then refused as from nobody, and
// it says so once, with a way to sign in again, instead of each tool failing on its own.
// LiveKit's token outlives the session, so the broadcast itself goes on. Studio code only.
import { signal } from "@preact/signals";
import { ApiError } from "./api.ts";

/** True from a studio request refused as signed out until one is answered again. */
export const signedOut = signal(false);

/** A studio request, noting what its answer says of the session. */
export async function watchingSession<T>(request: Promise<T>): Promise<T> {
  try {
    const answer = await request;
    signedOut.value = false;
    return answer;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) signedOut.value = true;
    throw error;
  }
}
