import type { AppProps } from "../lib/fresh/mod.ts";
import type { State } from "../lib/state.ts";

export default function App({ Component, state }: AppProps<State>) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Showfloor</title>
        <link rel="stylesheet" href="/styles.css" />
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href="/">Showfloor</a>
          <nav>
            {state.seller
              ? (
                <>
                  <a href="/studio">Studio</a>
                  <a href="/studio/products">Products</a>
                  <form method="post" action="/signout">
                    <button type="submit" class="link">Sign out</button>
                  </form>
                </>
              )
              : (
                <>
                  <a href="/signin">Sign in</a>
                  <a href="/signup">Sell on Showfloor</a>
                </>
              )}
          </nav>
        </header>
        <main>
          <Component />
        </main>
      </body>
    </html>
  );
}
