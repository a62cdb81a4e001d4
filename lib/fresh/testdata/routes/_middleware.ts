import type { Middleware } from "../../types.ts";

export interface State {
  user?: string;
  trail: string[];
}

// Sets state from a header and tags responses, proving outer-first order.
export const handler: Middleware<State> = async (ctx, next) => {
  ctx.state.user = ctx.req.headers.get("x-user") ?? undefined;
  ctx.state.trail.push("root");
  const res = await next();
  res.headers.set("x-trail", ctx.state.trail.join(">"));
  return res;
};
