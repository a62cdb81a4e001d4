import { type Handlers, HttpError } from "../../lib/fresh/mod.ts";
import { imagesDir, readImage } from "../../lib/images/image_store.ts";
import type { State } from "../../lib/state.ts";

/** GET: a product image. Ids are never reused, so browsers may keep it forever. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const image = await readImage(imagesDir(ctx.state.services.config.dataDir), ctx.params.id!);
    if (!image) throw new HttpError(404, "image_not_found", "No image with this id");
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
