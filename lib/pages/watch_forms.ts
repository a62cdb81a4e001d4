// What a watch page's forms do when they are posted to the page itself, before (or
// without) its JavaScript: the chat's Send, and the product sheet's Add to cart.
import * as chat from "@/lib/chat/actions.ts";
import * as commerce from "@/lib/commerce/actions.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import type { WatchForm } from "./inputs.ts";

/** Carries out the form; where the page goes next: back to the chat, or to the product's sheet. */
export async function submitWatchForm(
  services: Services,
  actor: Actor,
  streamId: string,
  input: WatchForm,
): Promise<string> {
  const back = `/watch/${encodeURIComponent(streamId)}`;
  if (input.form === "chat") {
    await chat.post(services, actor, streamId, input);
    return `${back}#chat`;
  }
  await commerce.setItem(services, actor, streamId, input);
  return `${back}?product=${input.productId}`;
}
