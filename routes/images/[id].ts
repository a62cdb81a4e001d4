import * as catalog from "@/lib/catalog/actions.ts";
import type { Handlers } from "@/lib/fresh/mod.ts";
import type { State } from "@/lib/server/state.ts";

/** GET: a product image. Ids are never reused, so browsers may keep it forever. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const image = await catalog.image(ctx.state.services, ctx.params.id!);
    return new Response(image.body, {
      headers: {
        "content-type": image.type,
        "content-length": String(image.size),
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
      },
    });
  },
};
