// The Dockerfile's build, run natively: the build context (minus .dockerignore) is copied
// into a folder standing in for the image, COPY and WORKDIR are followed, and every RUN
// step that runs Deno runs there with the pinned Deno. Steps that only prepare the
// container's file system (mkdir, chown) are reported as skipped. What comes out is what
// the container would start with: its folder, ENV and CMD.
import { dirname, join } from "node:path";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";

export interface NativeImage {
  /** The folder standing in for the image's WORKDIR. */
  workdir: string;
  /** WORKDIR's path inside the image. */
  containerWorkdir: string;
  env: Record<string, string>;
  cmd: string[];
  ran: string[];
  skipped: string[];
}

/** Builds the image natively into `into` (created); throws with the output of a failed step. */
export async function buildNatively(into: string): Promise<NativeImage> {
  await Deno.mkdir(into, { recursive: true });
  const ignored = ignoreMatcher(await Deno.readTextFile(join(REPO_ROOT, ".dockerignore")));
  const image: NativeImage = { workdir: into, containerWorkdir: "/", env: {}, cmd: [], ran: [], skipped: [] };
  for (const [op, arg] of instructions(await Deno.readTextFile(join(REPO_ROOT, "Dockerfile")))) {
    if (op === "WORKDIR") image.containerWorkdir = arg;
    else if (op === "ENV") Object.assign(image.env, envPairs(arg));
    else if (op === "CMD") image.cmd = JSON.parse(arg);
    else if (op === "COPY") await copy(arg, into, ignored);
    else if (op === "RUN" && /^deno\b/.test(arg)) await run(arg, image);
    else if (op === "RUN") image.skipped.push(arg);
  }
  return image;
}

/** [instruction, argument] pairs, continuation lines joined, comments dropped. */
function instructions(dockerfile: string): [string, string][] {
  const joined = dockerfile.split("\n").filter((line) => !line.trimStart().startsWith("#"))
    .join("\n").replace(/\\\n\s*/g, " ");
  return joined.split("\n").map((line) => line.trim()).filter(Boolean).map((line) => {
    const [op = "", ...rest] = line.split(/\s+/);
    return [op.toUpperCase(), rest.join(" ")];
  });
}

function envPairs(arg: string): Record<string, string> {
  return Object.fromEntries(arg.split(/\s+/).map((pair) => pair.split("=", 2) as [string, string]));
}

/** COPY [--chown=…] SRC… DEST, relative to the context and the workdir (the folder). */
async function copy(arg: string, into: string, ignored: (path: string) => boolean): Promise<void> {
  const parts = arg.split(/\s+/).filter((p) => !p.startsWith("--"));
  const sources = parts.slice(0, -1);
  for (const source of sources) {
    if (source === ".") await copyTree("", into, ignored);
    else await Deno.copyFile(join(REPO_ROOT, source), join(into, source));
  }
}

async function copyTree(rel: string, into: string, ignored: (path: string) => boolean): Promise<void> {
  for await (const entry of Deno.readDir(join(REPO_ROOT, rel))) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (ignored(path)) continue;
    if (entry.isDirectory) {
      await Deno.mkdir(join(into, path), { recursive: true });
      await copyTree(path, into, ignored);
    } else {
      await Deno.mkdir(dirname(join(into, path)), { recursive: true });
      await Deno.copyFile(join(REPO_ROOT, path), join(into, path));
    }
  }
}

async function run(command: string, image: NativeImage): Promise<void> {
  const out = await new Deno.Command("sh", {
    args: ["-c", command],
    cwd: image.workdir,
    env: { ...image.env, PATH: `${REPO_ROOT}/.tools/bin:${Deno.env.get("PATH")}`, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) {
    const text = new TextDecoder().decode(new Uint8Array([...out.stdout, ...out.stderr]));
    throw new Error(`Dockerfile step "RUN ${command}" failed natively:\n${text}`);
  }
  image.ran.push(command);
}

/**
 * .dockerignore as Docker reads it: each pattern is matched against the whole path from the
 * context's root (`*` stays within one segment), a trailing slash is dropped, and an
 * excluded folder takes everything in it.
 */
export function ignoreMatcher(dockerignore: string): (path: string) => boolean {
  const patterns = dockerignore.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    .map((l) => l.replace(/\/+$/, ""))
    .map((glob) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`));
  return (path) => patterns.some((re) => re.test(path));
}
