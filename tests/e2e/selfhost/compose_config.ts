// docker-compose.yml as compose itself resolves it: `docker-compose config` (Debian's compose
// tool, no engine needed) validates the file, fills in .env, and prints the result, which the
// native stack then runs. Nothing here reads the compose file by hand. Compose 1.29 prints the
// services of every profile; those of a profile not asked for are left out here, as `up` would.
import { parse } from "yaml";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";

export interface Mount {
  /** Absolute host path (bind mount) or a named volume. */
  source: string;
  named: boolean;
  /** Path inside the container. */
  target: string;
}

export interface Service {
  image?: string;
  profiles?: string[];
  build?: { context: string };
  command?: string[];
  network_mode?: string;
  restart?: string;
  environment: Record<string, string>;
  volumes: Mount[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

export interface ComposeConfig {
  services: Record<string, Service>;
  volumes: string[];
}

/**
 * Runs `docker-compose config` on the repository's file with `envFile` and `profiles`; throws
 * with its message.
 */
export async function composeConfig(envFile: string, profiles: string[] = []): Promise<ComposeConfig> {
  const out = await new Deno.Command("docker-compose", {
    args: [
      "--env-file",
      envFile,
      "--file",
      `${REPO_ROOT}/docker-compose.yml`,
      ...profiles.flatMap((p) => ["--profile", p]),
      "config",
    ],
    cwd: REPO_ROOT,
    // Compose fills ${VAR} from the environment before .env: give it none of ours.
    clearEnv: true,
    env: { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", HOME: Deno.env.get("HOME") ?? "/tmp" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  if (!out.success) throw new Error(`docker-compose config refused the file:\n${text(out.stderr)}`);
  const raw = parse(text(out.stdout)) as {
    services: Record<string, Omit<Service, "volumes"> & { volumes?: string[] }>;
    volumes?: Record<string, unknown>;
  };
  const services: Record<string, Service> = {};
  for (const [name, service] of Object.entries(raw.services)) {
    if (service.profiles && !service.profiles.some((p) => profiles.includes(p))) continue;
    services[name] = {
      ...service,
      environment: Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v)]),
      ),
      volumes: (service.volumes ?? []).map(parseMount),
    };
  }
  return { services, volumes: Object.keys(raw.volumes ?? {}) };
}

// "source:target[:mode]", as compose v1 prints it.
function parseMount(spec: string): Mount {
  const [source = "", target = ""] = spec.split(":");
  return { source, target, named: !source.startsWith("/") };
}
