import * as catalog from "@/lib/catalog/actions.ts";
import { IMAGE_UPLOAD_BODY_LIMIT } from "@/lib/catalog/images.ts";
import { ProductFormPatch, ProductPatch } from "@/lib/catalog/inputs.ts";
import { type Handlers, readEmpty, readJsonOrForm, type RouteConfig } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

// Room for one image (at most 5 MB) and the other fields.
export const config: RouteConfig = { bodyLimit: IMAGE_UPLOAD_BODY_LIMIT };

/**
 * GET: a product as anyone may see it. PATCH (JSON, or a multipart form with an optional
 * new `image`), DELETE: its owner only.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({ product: await catalog.view(ctx.state.services, ctx.params.id!) });
  },
  async PATCH(ctx) {
    const changes = await readJsonOrForm(ctx, ProductPatch, ProductFormPatch);
    const product = await catalog.edit(ctx.state.services, askerOf(ctx), ctx.params.id!, changes);
    return ctx.hono.json({ product });
  },
  async DELETE(ctx) {
    await readEmpty(ctx);
    await catalog.remove(ctx.state.services, askerOf(ctx), ctx.params.id!);
    return new Response(null, { status: 204 });
  },
};
