// A product is changed by its seller only: anyone else's upload is refused unread.
import { sellerWrites } from "@/lib/server/request_guards.ts";

export const handler = [sellerWrites];
