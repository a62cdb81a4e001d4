// Times on pages the server writes are in the reader's own time zone, once their browser
// has said which (the `tz` cookie), as the islands write them when they wake; until then in
// UTC, saying so. What else the cookie says is ignored.
import { assert, assertEquals } from "@/tests/assert.ts";
import { createProduct } from "@/lib/catalog/store.ts";
import { keys } from "@/lib/kv/keys.ts";
import type { ReservationSummary } from "@/lib/contract/views.ts";
import { Client, createStream, signUp, type TestApp, withApp } from "./client.ts";

// 03:14 UTC on the 27th is still the 26th at Pago Pago (UTC−11, no summer time).
const NOW = Date.parse("2026-11-27T03:14:00Z");
const PAGO_PAGO_MS = -11 * 60 * 60_000;

/** The time and day at `iso` shifted by `offsetMs`, as pages write them: "16:14", "26 Nov 2026". */
function shifted(iso: string, offsetMs: number) {
  const at = new Date(Date.parse(iso) + offsetMs);
  return {
    time: at.toISOString().slice(11, 16),
    day: at.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  };
}

/** A seller live with a product, and a buyer holding one of it. */
async function heldShirt(app: TestApp) {
  app.clock.set(NOW);
  const seller = new Client(app);
  const sellerId = await signUp(seller);
  const streamId = await createStream(seller);
  const draftId = await createStream(seller, "Draft");
  await seller.post(`/api/streams/${streamId}/live`);
  const product = await createProduct(app.services.kv, sellerId, {
    name: "Linen shirt",
    description: "",
    priceMinor: 4900,
    currency: "EUR",
    buyUrl: null,
    stock: 5,
  }, NOW);
  await seller.send("PUT", `/api/streams/${streamId}/pins`, { productIds: [product.id] });
  const buyer = new Client(app);
  await buyer.postForm("/guest", { name: "Ada" });
  await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 1 });
  const res = await buyer.post(`/api/streams/${streamId}/reservations`);
  assertEquals(res.status, 201);
  const reservation: ReservationSummary = (await res.json()).reservation;
  const { value: stream } = await app.services.kv.get<{ createdAt: string }>(keys.stream(draftId));
  return { seller, buyer, streamId, draftId, expiresAt: reservation.expiresAt, createdAt: stream!.createdAt };
}

const page = async (client: Client, path: string) => {
  const res = await client.request(path);
  assertEquals(res.status, 200, path);
  return await res.text();
};

Deno.test("a buyer's hold is written in their time zone once their browser said it, in UTC saying so before", () =>
  withApp(async (app) => {
    const { buyer, streamId, expiresAt } = await heldShirt(app);
    const held = (time: string) => `held for you until <time datetime="${expiresAt}">${time}</time>`;
    const utc = shifted(expiresAt, 0).time;
    assert((await page(buyer, `/watch/${streamId}`)).includes(held(`${utc} UTC`)), "no zone yet: UTC");
    buyer.setCookie("tz", "Pacific/Pago_Pago");
    // The same page again, but for another zone: not the render kept for the first.
    const local = await page(buyer, `/watch/${streamId}`);
    assert(local.includes(held(shifted(expiresAt, PAGO_PAGO_MS).time)), "Pago Pago's time, no zone named");
  }));

Deno.test("a cookie naming no time zone Intl knows is ignored: the page is written in UTC, saying so", () =>
  withApp(async (app) => {
    const { buyer, streamId, expiresAt } = await heldShirt(app);
    const utc = `${shifted(expiresAt, 0).time} UTC</time>`;
    for (
      const hostile of ["Mars/Olympus", "%3Cscript%3E", "Europe/Paris%3Bx", "+05:00", "A".repeat(5000), ""]
    ) {
      buyer.setCookie("tz", hostile);
      assert((await page(buyer, `/watch/${streamId}`)).includes(utc), hostile.slice(0, 20));
    }
  }));

Deno.test("the studio writes its times and days in the seller's time zone, or in UTC saying so", () =>
  withApp(async (app) => {
    const { seller, streamId, draftId, expiresAt, createdAt } = await heldShirt(app);
    const draftGoes = new Date(Date.parse(createdAt) + 30 * 24 * 60 * 60_000).toISOString();
    const inUtc = { held: shifted(expiresAt, 0), made: shifted(createdAt, 0), goes: shifted(draftGoes, 0) };
    const home = await page(seller, "/studio");
    assert(home.includes(`Created ${inUtc.made.day}, ${inUtc.made.time} UTC`), "studio home, UTC");
    assert((await page(seller, `/studio/${streamId}`)).includes(`held until ${inUtc.held.time} UTC`));
    assert((await page(seller, `/studio/${draftId}`)).includes(`this one on ${inUtc.goes.day} (UTC),`));

    seller.setCookie("tz", "Pacific/Pago_Pago");
    const held = shifted(expiresAt, PAGO_PAGO_MS);
    const made = shifted(createdAt, PAGO_PAGO_MS);
    const goes = shifted(draftGoes, PAGO_PAGO_MS);
    assert(made.day !== inUtc.made.day && goes.day !== inUtc.goes.day, "a day earlier there");
    assert((await page(seller, "/studio")).includes(`Created ${made.day}, ${made.time}</span>`));
    const studio = await page(seller, `/studio/${streamId}`);
    assert(studio.includes(`held until ${held.time}<`), "the Sales list's hold");
    assert((await page(seller, `/studio/${draftId}`)).includes(`this one on ${goes.day}, unless`));
  }));
