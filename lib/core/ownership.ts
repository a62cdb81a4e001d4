// The two checks every "find it for this person" makes: it exists (else 404), and it is
// theirs (else 401 for anyone signed out, 403 for another seller). A seller controls
// only what they created.
import { type Actor, requireSeller } from "./actor.ts";
import { forbidden, notFound } from "./errors.ts";

type Refusal = [code: string, message: string];

/** One kind of thing a seller owns: how to read it, and what to say when it is missing or not theirs. */
export interface Owned<T> {
  get(kv: Deno.Kv, id: string): Promise<T | null>;
  missing: Refusal;
  notTheirs: Refusal;
}

export interface Access<T> {
  /** The thing, or a 404. */
  find(kv: Deno.Kv, id: string): Promise<T>;
  /** The thing, when the asker is the seller who created it. */
  own(kv: Deno.Kv, actor: Actor, id: string): Promise<T>;
}

export function accessTo<T extends { sellerId: string }>(kind: Owned<T>): Access<T> {
  const find = async (kv: Deno.Kv, id: string) => {
    const thing = await kind.get(kv, id);
    if (thing === null) throw notFound(...kind.missing);
    return thing;
  };
  return {
    find,
    async own(kv, actor, id) {
      const sellerId = requireSeller(actor);
      const thing = await find(kv, id);
      if (thing.sellerId !== sellerId) throw forbidden(...kind.notTheirs);
      return thing;
    },
  };
}
