/**
 * The header on every page: the brand, and the studio links for a signed-in seller. A
 * studio on air makes them open a new tab (lib/client/use_new_tab_links.ts). Sign-up is
 * offered only where its owner lets anyone sign up.
 */
export function SiteHeader({ signedIn, signupOpen }: { signedIn: boolean; signupOpen: boolean }) {
  return (
    <header class="site-header">
      <a class="brand" href="/">Showfloor</a>
      <nav>
        {signedIn
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
              {signupOpen && <a href="/signup">Sell on Showfloor</a>}
            </>
          )}
      </nav>
    </header>
  );
}
