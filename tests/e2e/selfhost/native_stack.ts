// docker-compose.yml's three services run natively: the programs compose would start (Caddy,
// livekit-server, the app as its image runs it) with the environment `docker-compose config`
// resolved from .env and the files each container mounts. Only what a test on a shared
// machine must change differs: fixed ports become free loopback ports (PortMap), volumes
// become folders, and LiveKit's media and TURN stay on loopback (LOOPBACK_MEDIA). Services
// start in compose's order, each once its own compose healthcheck passes.
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { deepMerge, LIVEKIT_BIN } from "@/tests/e2e/harness/livekit.ts";
import { ChildProcess, httpAnswers, REPO_ROOT, waitUntilReady } from "@/tests/e2e/harness/process.ts";
import type { ComposeConfig, Service } from "./compose_config.ts";
import type { NativeImage } from "./docker_build.ts";
import type { PortMap } from "./port_map.ts";

/**
 * What the test machine changes in livekit.compose.yaml beyond ports: its "public" IP is
 * 127.0.0.1 (PUBLIC_IP in the test's .env), which ICE skips unless loopback candidates are on,
 * and which LiveKit's TURN refuses to relay to unless loopback peers are allowed.
 */
export const LOOPBACK_MEDIA = {
  rtc: { enable_loopback_candidate: true, ips: { includes: ["127.0.0.0/8"] } },
  turn: { bind_addresses: ["127.0.0.1"], allow_restricted_peer_cidrs: ["127.0.0.0/8"] },
};

const HEALTHY_TIMEOUT_MS = 60_000;

export interface NativeService {
  child: ChildProcess;
  stop(): Promise<void>;
}

export class NativeStack {
  readonly running = new Map<string, NativeService>();

  constructor(
    readonly compose: ComposeConfig,
    readonly image: NativeImage,
    readonly ports: PortMap,
    /** Named volume → the folder standing in for it. */
    readonly volumes: Record<string, string>,
  ) {}

  service(name: string): Service {
    const service = this.compose.services[name];
    if (!service) throw new Error(`docker-compose.yml has no service "${name}"`);
    return service;
  }

  /** The native path for a path inside `service`'s container (its mounts, and the app's WORKDIR). */
  hostPath(name: string, path: string): string {
    const mounts: [string, string][] = this.service(name).volumes.map((m) => [
      m.target,
      m.named ? this.volumes[m.source]! : m.source,
    ]);
    if (this.service(name).build) mounts.push([this.image.containerWorkdir, this.image.workdir]);
    const [target, host] = mounts.filter(([t]) => path === t || path.startsWith(`${t}/`))
      .sort((a, b) => b[0].length - a[0].length)[0] ?? [];
    return target === undefined ? path : host + path.slice(target.length);
  }

  /** The service's environment as the container sees it, ports and paths made native. */
  environment(name: string, base: Record<string, string> = {}): Record<string, string> {
    const env = this.ports.deep({ ...base, ...this.service(name).environment });
    for (const [key, value] of Object.entries(env)) env[key] = this.hostPath(name, value);
    return {
      ...env,
      PATH: `${REPO_ROOT}/.tools/bin:${Deno.env.get("PATH") ?? "/usr/bin:/bin"}`,
      HOME: Deno.env.get("HOME") ?? "/tmp",
      NO_COLOR: "1",
    };
  }

  async startLivekit(): Promise<NativeService> {
    const args = this.service("livekit").command ?? [];
    const file = this.hostPath("livekit", args[args.indexOf("--config") + 1] ?? "");
    const config = this.ports.deep(parse(await Deno.readTextFile(file)) as Record<string, unknown>);
    deepMerge(config, LOOPBACK_MEDIA);
    return await this.#start("livekit", LIVEKIT_BIN, ["--config-body", stringify(config)], REPO_ROOT);
  }

  /** The app as its image's CMD runs it; `dataDir` and `port` start a second one on other data. */
  async startApp(): Promise<NativeService> {
    return await this.#start("app", Deno.execPath(), this.#appArgs(), this.image.workdir, this.#appEnv());
  }

  /** A second app, as the image runs it, on other data and another port (ready once /readyz is 200). */
  async startAppOn(dataDir: string, port: number): Promise<NativeService> {
    const env = this.#appEnv();
    env.DATA_DIR = dataDir;
    env.KV_PATH = join(dataDir, env.KV_PATH!.split("/").at(-1)!);
    env.PORT = String(port);
    const ready = () => httpAnswers(`http://127.0.0.1:${port}/readyz`, 200);
    return await this.#start(
      `app on ${dataDir}`,
      Deno.execPath(),
      this.#appArgs(),
      this.image.workdir,
      env,
      ready,
    );
  }

  /** Runs the app as the image does with some settings changed, expecting it to exit by itself. */
  async appRefusal(changes: Record<string, string>): Promise<{ code: number; output: string }> {
    const out = await new Deno.Command(Deno.execPath(), {
      args: this.#appArgs(),
      cwd: this.image.workdir,
      clearEnv: true,
      env: { ...this.#appEnv(), ...changes },
      signal: AbortSignal.timeout(HEALTHY_TIMEOUT_MS),
      stdout: "piped",
      stderr: "piped",
    }).output();
    return {
      code: out.code,
      output: new TextDecoder().decode(new Uint8Array([...out.stdout, ...out.stderr])),
    };
  }

  #appEnv(): Record<string, string> {
    return this.environment("app", this.image.env);
  }

  #appArgs(): string[] {
    const [program, ...args] = this.image.cmd;
    if (program !== "deno") throw new Error(`the image's CMD runs ${program}, not deno`);
    return args;
  }

  /** Caddy with the Caddyfile compose mounts, adapted to JSON so its listeners can move to free ports. */
  async startCaddy(domain: string): Promise<NativeService> {
    const args = this.service("caddy").command ?? [];
    const caddyfile = this.hostPath("caddy", args[args.indexOf("--config") + 1] ?? "");
    const env = this.environment("caddy");
    const adapted = await new Deno.Command("caddy", {
      args: ["adapt", "--config", caddyfile, "--adapter", "caddyfile"],
      clearEnv: true,
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!adapted.success) throw new Error(`caddy adapt failed:\n${new TextDecoder().decode(adapted.stderr)}`);
    const config = this.ports.deep(JSON.parse(new TextDecoder().decode(adapted.stdout)));
    for (const server of Object.values(config.apps.http.servers) as { listen: string[] }[]) {
      server.listen = server.listen.map((l) => `127.0.0.1:${this.ports.port(Number(l.split(":").at(-1)))}`);
    }
    config.apps.http.http_port = this.ports.native.http;
    config.apps.http.https_port = this.ports.native.https;
    config.admin = { listen: `127.0.0.1:${this.ports.native.caddyAdmin}` };
    const json = join(this.volumes["caddy-config"]!, "native.json");
    await Deno.writeTextFile(json, JSON.stringify(config));
    const caddy = await this.#start("caddy", "caddy", ["run", "--config", json], REPO_ROOT, env);
    // Healthy is not yet serving HTTPS: wait for the certificate from Caddy's local CA.
    const cert = join(env.XDG_DATA_HOME!, "caddy/certificates/local", domain, `${domain}.crt`);
    await waitUntilReady(caddy.child, "caddy's certificate", () => exists(cert), HEALTHY_TIMEOUT_MS);
    return caddy;
  }

  async #start(
    name: string,
    program: string,
    args: string[],
    cwd: string,
    env = this.environment(name),
    ready = () => this.healthy(name),
  ): Promise<NativeService> {
    const child = new ChildProcess(name, program, { args, cwd, clearEnv: true, env });
    await waitUntilReady(child, `${name} (until healthy)`, ready, HEALTHY_TIMEOUT_MS);
    const running: NativeService = { child, stop: () => child.stop() };
    this.running.set(name, running);
    return running;
  }

  /** Runs the service's compose healthcheck natively (its URLs mapped); true when it passes. */
  async healthy(name: string): Promise<boolean> {
    const [kind, program = "", ...args] = this.service(name).healthcheck?.test ?? [];
    if (kind !== "CMD") throw new Error(`${name}'s healthcheck is not a CMD list`);
    const out = await new Deno.Command(program, {
      args: args.map((a) => this.ports.text(a)),
      clearEnv: true,
      env: this.environment(name),
      stdout: "null",
      stderr: "null",
    }).output();
    return out.success;
  }

  /** The command lines of the processes `name` started (deno task runs the app as its child). */
  async childCommands(name: string): Promise<string[][]> {
    const pid = this.running.get(name)?.child.pid;
    const commands: string[][] = [];
    for await (const entry of Deno.readDir("/proc")) {
      if (!/^\d+$/.test(entry.name)) continue;
      try {
        const stat = await Deno.readTextFile(`/proc/${entry.name}/stat`);
        // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
        if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== pid) continue;
        commands.push((await Deno.readTextFile(`/proc/${entry.name}/cmdline`)).split("\0").filter(Boolean));
      } catch {
        // the process ended while we looked
      }
    }
    return commands;
  }

  /** Everything each service printed, for a failed test's message. */
  logs(): string {
    return [...this.running].map(([name, s]) => `----- ${name} -----\n${s.child.logs()}`).join("\n");
  }

  async stop(): Promise<void> {
    for (const service of [...this.running.values()].reverse()) await service.stop();
  }
}

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}
