import { SiteHeader } from "@/components/SiteHeader.tsx";
import type { AppProps } from "@/lib/fresh/mod.ts";
import type { State } from "@/lib/server/state.ts";

// A stream's studio (not the studio's home or its product pages).
const STREAM_STUDIO = /^\/studio\/(?!products(\/|$))[^/]+$/;

export default function App({ Component, state, url }: AppProps<State>) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Showfloor</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/styles.css" />
      </head>
      <body>
        <SiteHeader signedIn={!!state.seller} inStudio={STREAM_STUDIO.test(url.pathname)} />
        <main>
          <Component />
        </main>
      </body>
    </html>
  );
}
