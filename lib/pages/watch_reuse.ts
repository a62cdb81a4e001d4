// A watch page differs from one viewer to the next in a few values only: the room ticket,
// the guest's name and the server's clock, filled in per request, and what the key names
// besides (cart, holds, like, role: the same for most viewers). So one render serves the
// stream's viewers while the stream's snapshot holds (./stream_snapshot.ts).
import { hole, type Reuse } from "@/lib/fresh/page_templates.ts";
import type { WatchPage } from "./watch.ts";

/** Who asks, as far as the page's HTML shows it besides the page's data. */
export interface Asker {
  path: string;
  /** A seller is signed in (the site's header shows it). */
  signedIn: boolean;
  /** The guest's name ("" for one who watches nameless); undefined for a signed-in seller (who chats under their shop's). */
  guestName: string | null | undefined;
  /** The time zone the page's times are written in (null: UTC, saying so). */
  zone: string | null;
}

export interface ReusablePage {
  page: WatchPage;
  asker: Asker;
  reuse: Reuse;
}

/** The page with this request's own values as holes, and how to fill and key its render. */
export function reusable(page: WatchPage, asker: Asker): ReusablePage {
  const fill: Reuse["fill"] = { now: page.showcase.serverNow };
  const shared: WatchPage = { ...page, showcase: { ...page.showcase, serverNow: hole("now") } };
  if (page.join) {
    fill.ticket = page.join.token;
    shared.join = { ...page.join, token: hole("ticket") };
  }
  if (asker.guestName) {
    fill.name = { text: asker.guestName };
    asker = { ...asker, guestName: hole("name") };
  }
  return { page: shared, asker, reuse: { key: keyOf(asker, shared), fill } };
}

/**
 * What the page's HTML depends on: the snapshot it was read from stands for the stream,
 * chat, showcase and counts; the rest is the asker's own (or new, and kept in the key).
 */
function keyOf(asker: Asker, page: WatchPage): string {
  const { stream: _, chat: _c, seq: _s, showcase: _sc, audience, moderation, ...own } = page;
  const viewers = "names" in audience.viewers ? audience.viewers : null;
  const { pinned: _p, ...standing } = moderation;
  return JSON.stringify([asker, own, audience.likes.liked, viewers, standing]);
}
