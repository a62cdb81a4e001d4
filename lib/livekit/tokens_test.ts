import { AccessToken, TokenVerifier } from "livekit-server-sdk";
import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import { roomName } from "./names.ts";
import {
  mintToken,
  sellerGrant,
  TOKEN_TTL_SECONDS,
  VIEWER_TOKEN_TTL_SECONDS,
  viewerGrant,
} from "./tokens.ts";

const keys = { apiKey: "testkey", apiSecret: "a-test-secret-that-is-long-enough-000" };
const verifier = new TokenVerifier(keys.apiKey, keys.apiSecret);

Deno.test("mintToken() refuses publish rights to a viewer", async () => {
  const jwt = mintToken(keys, { identity: "guest-1", name: "Ann" }, viewerGrant("s1"));
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
    mintToken(keys, { identity: "guest-1", name: "Ann" }, viewerGrant("s1")),
  );
  assertEquals(viewer.video?.hidden, true);
  const seller = await verifier.verify(
    mintToken(keys, { identity: "seller-1", name: "Bo" }, sellerGrant("s1")),
  );
  assert(!seller.video?.hidden, "viewers must see the seller");
});

Deno.test("mintToken() lets a seller publish camera, microphone and screen in their room only", async () => {
  const jwt = mintToken(keys, { identity: "seller-1", name: "Bo" }, sellerGrant("s1"));
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
  const jwt = mintToken(keys, { identity: "guest-1", name: "Ann" }, viewerGrant("s1"));
  const claims = await verifier.verify(jwt);
  const lifetime = (claims.exp ?? 0) - (claims.nbf ?? 0);
  assert(lifetime > 0 && lifetime <= TOKEN_TTL_SECONDS, `lifetime ${lifetime}s`);
});

Deno.test("mintToken() makes the token livekit-server-sdk's AccessToken makes, claim for claim", async () => {
  const who = { identity: "seller-1~h1", name: "Linen & Co" };
  const viewer = { ...who, attributes: { address: "10.9.9.9" } };
  for (
    const [grant, person, ttl] of [
      [viewerGrant("s1"), viewer, VIEWER_TOKEN_TTL_SECONDS],
      [sellerGrant("s1"), who, TOKEN_TTL_SECONDS],
    ] as const
  ) {
    const sdk = new AccessToken(keys.apiKey, keys.apiSecret, { ...person, ttl });
    sdk.addGrant(grant);
    const [ours, theirs] = [
      await verifier.verify(mintToken(keys, person, grant, ttl)),
      await verifier.verify(await sdk.toJwt()),
    ];
    const timeless = ({ exp, nbf, ...rest }: typeof ours) => ({ ...rest, lifetime: exp! - nbf! });
    assertEquals(timeless(ours), timeless(theirs));
  }
  // Signed with the secret: another secret's verifier refuses it.
  await assertRejects(() =>
    new TokenVerifier(keys.apiKey, `${keys.apiSecret}x`).verify(mintToken(keys, who, viewerGrant("s1")))
  );
});
