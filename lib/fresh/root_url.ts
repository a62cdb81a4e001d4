// Project roots arrive as paths or URLs; everything internally is a
// directory file URL (trailing slash) so `new URL("routes/", root)` works.
export function rootUrl(root: string | URL): URL {
  if (root instanceof URL || root.startsWith("file:")) {
    const url = new URL(root);
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return url;
  }
  const abs = root.startsWith("/") ? root : `${Deno.cwd()}/${root}`;
  const url = new URL("file:///");
  url.pathname = abs.endsWith("/") ? abs : `${abs}/`; // setter percent-encodes
  return new URL(url.href); // re-parse to resolve "." and ".." segments
}
