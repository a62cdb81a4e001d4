// A deleted account's mark, for the writes that create something for a seller (a stream,
// a product): read with the write and checked absent in its commit, so a request in
// flight as the account was deleted makes nothing for it.
import { forbidden } from "@/lib/core/errors.ts";
import { unlessGone } from "@/lib/kv/gone.ts";
import { keys } from "@/lib/kv/keys.ts";

export const accountNotGone = (kv: Deno.Kv, sellerId: string) =>
  unlessGone(
    kv,
    keys.goneSeller(sellerId),
    () => forbidden("account_deleted", "This account has been deleted"),
  );
