import type { ComponentChildren } from "preact";
import { Head } from "@/lib/fresh/mod.ts";

/** The page's title in the browser's tab, history and bookmarks (what it is, then the site), and any other head tags. */
export function PageTitle({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <Head>
      <title>{`${title} · Showfloor`}</title>
      {children}
    </Head>
  );
}
