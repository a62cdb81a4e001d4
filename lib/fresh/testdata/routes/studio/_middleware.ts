import type { Middleware } from "../../../types.ts";
import type { State } from "../_middleware.ts";

export const handler: Middleware<State> = (ctx, next) => {
  ctx.state.trail.push("studio");
  return next();
};
