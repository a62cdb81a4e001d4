import { HttpError } from "../../../http_error.ts";
import type { Handlers } from "../../../types.ts";

export const handler: Handlers = {
  GET: () => {
    throw new HttpError(409, "conflict", "Already live");
  },
  POST: () => {
    throw new Error("secret database detail");
  },
};
