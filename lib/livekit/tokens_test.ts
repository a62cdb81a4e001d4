import { TokenVerifier } from "livekit-server-sdk";
import { assert, assertEquals } from "@/tests/assert.ts";
import { roomName } from "./names.ts";
import { mintToken, sellerGrant, TOKEN_TTL_SECONDS, viewerGrant } from "./tokens.ts";

const keys = { apiKey: "testkey", apiSecret: "a-test-secret-that-is-long-enough-000" };
const verifier = new TokenVerifier(keys.apiKey, keys.apiSecret);

Deno.test("mintToken() refuses publish rights to a viewer", async () => {
  const jwt = await mintToken(keys, { identity: "guest-1", name: "Ann" }, viewerGrant("s1"));
  const claims = await verifier.verify(jwt);
  assertEquals(claims.video?.canPublish, false);
  assertEquals(claims.video?.canPublishSources, []);
  assertEquals(claims.video?.canSubscribe, true);
  assertEquals(claims.video?.canPublishData, false, "only the server speaks on the data channel");
  assertEquals(claims.video?.room, roomName("s1"));
  assertEquals(claims.sub, "guest-1");
});

Deno.test("mintToken() hides a viewer from the room, but never the seller", async () => {
  const viewer = await verifier.verify(
    await mintToken(keys, { identity: "guest-1", name: "Ann" }, viewerGrant("s1")),
  );
  assertEquals(viewer.video?.hidden, true);
  const seller = await verifier.verify(
    await mintToken(keys, { identity: "seller-1", name: "Bo" }, sellerGrant("s1")),
  );
  assert(!seller.video?.hidden, "viewers must see the seller");
});

Deno.test("mintToken() lets a seller publish camera, microphone and screen in their room only", async () => {
  const jwt = await mintToken(keys, { identity: "seller-1", name: "Bo" }, sellerGrant("s1"));
  const claims = await verifier.verify(jwt);
  assertEquals(claims.video?.room, "stream-s1");
  assertEquals(claims.video?.canPublish, true);
  assertEquals(
    // The JWT carries sources as names, though the SDK types them as the enum.
    [...((claims.video?.canPublishSources ?? []) as unknown as string[])].sort(),
    ["camera", "microphone", "screen_share", "screen_share_audio"],
  );
  assert(!claims.video?.canPublishData, "a seller publishes no data either: only the server speaks");
  assert(!claims.video?.roomAdmin, "a seller is not a room admin");
  assert(!claims.video?.roomCreate, "a seller cannot create arbitrary rooms");
});

Deno.test("mintToken() issues short-lived tokens", async () => {
  const jwt = await mintToken(keys, { identity: "guest-1", name: "Ann" }, viewerGrant("s1"));
  const claims = await verifier.verify(jwt);
  const lifetime = (claims.exp ?? 0) - (claims.nbf ?? 0);
  assert(lifetime > 0 && lifetime <= TOKEN_TTL_SECONDS, `lifetime ${lifetime}s`);
});
