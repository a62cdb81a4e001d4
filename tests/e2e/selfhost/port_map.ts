// Production ports, and the free loopback ports that stand in for them on this machine. The
// compose stack owns fixed ports (443, 7880, …); a test may not, so every setting that names
// one is rewritten through this map, and nothing else about the settings changes.
import { freePort, freeUdpPort } from "@/tests/e2e/harness/ports.ts";

/** The fixed ports docker-compose.yml, the Caddyfile and livekit.compose.yaml use. */
export const PRODUCTION_PORTS = {
  https: 443,
  http: 80,
  caddyAdmin: 2019,
  livekit: 7880,
  rtcTcp: 7881,
  rtcUdp: 7882,
  turnUdp: 3478,
  app: 8000,
} as const;

export type PortName = keyof typeof PRODUCTION_PORTS;

export class PortMap {
  private constructor(readonly native: Record<PortName, number>, private domain: string) {}

  static async pick(domain: string): Promise<PortMap> {
    const native = {} as Record<PortName, number>;
    const taken = new Set<number>();
    for (const name of Object.keys(PRODUCTION_PORTS) as PortName[]) {
      let port = /Udp$/.test(name) ? await freeUdpPort() : await freePort();
      while (taken.has(port)) port = await freePort();
      taken.add(port);
      native[name] = port;
    }
    return new PortMap(native, domain);
  }

  /** The native stand-in for a production port number; other numbers are returned as they are. */
  port(production: number): number {
    const name = (Object.keys(PRODUCTION_PORTS) as PortName[]).find((n) =>
      PRODUCTION_PORTS[n] === production
    );
    return name ? this.native[name] : production;
  }

  /**
   * A setting's text with every production port rewritten: "127.0.0.1:7880" and
   * "localhost:2019" get their stand-ins, and an https:// or wss:// URL of the domain (port 443
   * implied) gets the stand-in for 443 spelled out.
   */
  text(value: string): string {
    return value
      .replace(/\b(127\.0\.0\.1|localhost):(\d+)\b/g, (_, host, port) => `${host}:${this.port(Number(port))}`)
      .replace(
        new RegExp(`^(https|wss)://${this.domain.replaceAll(".", "\\.")}(?=/|$)`),
        (origin) => `${origin}:${this.native.https}`,
      );
  }

  /**
   * A copy of a parsed config or an environment: a number (or digits) under a key ending in
   * "port" is mapped, every other string passes through text().
   */
  deep<T>(value: T, key = ""): T {
    const portKey = /port$/i.test(key);
    if (typeof value === "number" && portKey) return this.port(value) as T;
    if (typeof value === "string" && portKey && /^\d+$/.test(value)) {
      return String(this.port(Number(value))) as T;
    }
    if (typeof value === "string") return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v, key)) as T;
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v, k)])) as T;
    }
    return value;
  }
}
