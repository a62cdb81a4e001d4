import { assertEquals } from "@/tests/assert.ts";
import { clientAddress, parseProxies } from "./client_address.ts";

const proxies = parseProxies(["127.0.0.1", "10.0.0.0/8"]);

Deno.test("clientAddress() believes X-Forwarded-For only from a trusted proxy", () => {
  assertEquals(
    clientAddress("203.0.113.9", "198.51.100.1", proxies),
    "203.0.113.9",
    "a stranger's claim is ignored",
  );
  assertEquals(clientAddress("127.0.0.1", "198.51.100.1", proxies), "198.51.100.1");
  assertEquals(clientAddress("127.0.0.1", null, proxies), "127.0.0.1");
  assertEquals(clientAddress(null, null, proxies), "unknown");
});

Deno.test("clientAddress() takes the right-most hop that is not a proxy of ours, so a forged left part is ignored", () => {
  assertEquals(clientAddress("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.1.2.3", proxies), "198.51.100.1");
  assertEquals(
    clientAddress("::ffff:127.0.0.1", "198.51.100.1", proxies),
    "198.51.100.1",
    "IPv4-mapped peers",
  );
  assertEquals(clientAddress("127.0.0.1", "garbage", proxies), "garbage");
});

Deno.test("clientAddress() knows an IPv6 client by its /64, which one home or phone holds whole", () => {
  const [a, b, other] = ["2001:db8:1:2::1", "2001:db8:1:2:ffff:aaaa:bbbb:cccc", "2001:db8:1:3::1"]
    .map((address) => clientAddress(address, null, proxies));
  assertEquals([a, b], ["2001:db8:1:2::/64", "2001:db8:1:2::/64"]);
  assertEquals(other, "2001:db8:1:3::/64");
  assertEquals(
    clientAddress("127.0.0.1", "2001:DB8:1:2:0:0:0:9", proxies),
    "2001:db8:1:2::/64",
    "behind our proxy",
  );
  assertEquals(clientAddress("::1", null, proxies), "::/64");
});
