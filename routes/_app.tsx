import { SiteHeader } from "@/components/SiteHeader.tsx";
import type { AppProps } from "@/lib/fresh/mod.ts";
import type { State } from "@/lib/server/state.ts";

// The site's icon, in the page itself: a file would be one more request while the page loads.
const ICON = "data:image/svg+xml," + encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#d01f55"/>' +
    '<path d="M9 12h14l-1.2 13H10.2z" fill="#fff"/>' +
    '<path d="M12.5 12v-2a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="#fff" stroke-width="2"/></svg>',
);

export default function App({ Component, state }: AppProps<State>) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Showfloor</title>
        <link rel="icon" href={ICON} type="image/svg+xml" />
        <link rel="stylesheet" href="/styles.css" />
      </head>
      <body>
        <SiteHeader signedIn={!!state.seller} signupOpen={state.services.config.sellerSignupOpen} />
        <main>
          <Component />
        </main>
      </body>
    </html>
  );
}
