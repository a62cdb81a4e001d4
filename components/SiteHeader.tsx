/**
 * The header on every page: the brand, and the studio links for a signed-in seller. In a
 * stream's studio the links open a new tab: leaving the studio would end the broadcast.
 */
export function SiteHeader({ signedIn, inStudio }: { signedIn: boolean; inStudio: boolean }) {
  const away = inStudio ? { target: "_blank", rel: "noopener" } : {};
  return (
    <header class="site-header">
      <a class="brand" href="/" {...away}>Showfloor</a>
      <nav>
        {signedIn
          ? (
            <>
              <a href="/studio" {...away}>Studio</a>
              <a href="/studio/products" {...away}>Products</a>
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
  );
}
