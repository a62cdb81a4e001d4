import { MODERATOR_AT_STUDIO } from "@/lib/pages/studio_access.ts";

interface ErrorLinksProps {
  code: string;
  url: URL;
  /** The page a refused form was posted to, to go back to. */
  back: string | null;
  signedIn: boolean;
}

/** Where to go from an error page: back, to the stream's watch page, the studio, the live streams. */
export function ErrorLinks({ code, url, back, signedIn }: ErrorLinksProps) {
  // A seller lost in their studio (a deleted stream's old link) is shown the way back to it.
  const studio = signedIn && /^\/studio(\/|$)/.test(url.pathname) && back !== "/studio";
  // A moderator at the shop's studio: the same stream's watch page, where they moderate.
  const watch = code === MODERATOR_AT_STUDIO && url.pathname.replace(/^\/studio\//, "/watch/");
  return (
    <>
      {back && (
        <p>
          <a href={back}>Back to the page</a>
        </p>
      )}
      {watch && (
        <p>
          <a href={watch}>Moderate from the watch page</a>
        </p>
      )}
      {studio && (
        <p>
          <a href="/studio">Back to your studio</a>
        </p>
      )}
      <p>
        <a href="/">Back to live streams</a>
      </p>
    </>
  );
}
