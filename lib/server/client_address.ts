// The client's address, for limits per address: the peer of the connection, or, when the
// peer is one of our own proxies (TRUSTED_PROXIES), the address that proxy saw. Anyone
// else's X-Forwarded-For is a claim, not a fact, and is ignored.
import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses "10.0.0.0/8", "127.0.0.1" or "::1" into ranges; throws on anything else. */
export function parseProxies(list: string[]): Range[] {
  return list.map((entry) => {
    if (entry.includes("/")) return ipaddr.parseCIDR(entry);
    const address = ipaddr.parse(entry);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  });
}

function normal(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.parse(address);
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

function trusted(address: string, proxies: Range[]): boolean {
  const parsed = normal(address);
  return !!parsed &&
    proxies.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy, in which case the
 * right-most address in X-Forwarded-For that is not itself a trusted proxy. An IPv6
 * client is known by its /64 ("2001:db8:1:2::/64"): one home, phone or server is given a
 * whole /64, and could otherwise take a new address for every request.
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, proxies: Range[]): string {
  let address = peer ?? "unknown";
  if (forwardedFor && trusted(address, proxies)) {
    const hops = forwardedFor.split(",").map((hop) => hop.trim()).filter(Boolean);
    while (hops.length && trusted(address, proxies)) address = hops.pop()!;
  }
  const parsed = normal(address);
  if (!parsed) return address.slice(0, 64);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
}
