import * as catalog from "@/lib/catalog/actions.ts";
import { IMAGE_UPLOAD_BODY_LIMIT } from "@/lib/catalog/images.ts";
import { ProductForm, ProductInput } from "@/lib/catalog/inputs.ts";
import { type Handlers, readJsonOrForm, type RouteConfig } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

// Room for one image (at most 5 MB) and the other fields.
export const config: RouteConfig = { bodyLimit: IMAGE_UPLOAD_BODY_LIMIT };

/**
 * GET: the signed-in seller's catalog. POST: adds a product, from JSON (no image) or a
 * multipart form with an optional `image` file.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({ products: await catalog.listOwn(ctx.state.services, askerOf(ctx)) });
  },
  async POST(ctx) {
    const input = await readJsonOrForm(ctx, ProductInput, ProductForm);
    return ctx.hono.json({ product: await catalog.add(ctx.state.services, askerOf(ctx), input) }, 201);
  },
};
