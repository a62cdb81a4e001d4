// Island bundles. One code-splitting build of boot + a set of islands (and their
// starters), so preact lands in a shared chunk used by all of them. Each entry is a
// tiny generated wrapper in a temp dir, which makes the outputs flat: `boot.js`,
// `<Island>.js`, `<Island>.start.js`, `chunk-<hash>.js` and the boot script's late
// `hydrate-<hash>.js`, all siblings under `/_islands/` (or a page's own folder there:
// island_groups.ts).
import { type Asset, asset, serveAsset } from "./assets.ts";
import { withEagerStarters } from "./bundle_graph.ts";
import { compress, type Encoding } from "./compress.ts";
import { bundleNames, groupFolder, islandsOf } from "./island_groups.ts";
import { findIslandFiles, type IslandFile } from "./islands.ts";
import { rootUrl } from "./root_url.ts";
import { scanRoutes } from "./routes.ts";

/** Output file name (e.g. `boot.js`, `chunk-AB12.js`) → contents. */
export type BundleFiles = Map<string, Uint8Array>;

const BOOT = new URL("./client_boot.ts", import.meta.url);
const ISLAND_DATA = new URL("./island_data.ts", import.meta.url);

// Built once per process for each set of islands (tests start many apps; a change to an
// island restarts `deno task dev`).
const built = new Map<string, Promise<BundleFiles>>();

export function bundleIslands(
  islands: readonly IslandFile[],
  opts: { minify?: boolean } = {},
): Promise<BundleFiles> {
  const key = JSON.stringify([
    opts.minify ?? false,
    islands.map((i) => [i.name, i.url.href, i.starter?.href]),
  ]);
  let files = built.get(key);
  if (!files) {
    files = bundleOnce(islands, opts);
    built.set(key, files);
    files.catch(() => built.delete(key));
  }
  return files;
}

async function bundleOnce(islands: readonly IslandFile[], opts: { minify?: boolean }): Promise<BundleFiles> {
  const tmp = await Deno.makeTempDir({ prefix: "sf_islands_" });
  try {
    const entries = [`${tmp}/boot.ts`];
    await Deno.writeTextFile(entries[0]!, `import { boot } from ${JSON.stringify(BOOT.href)};\nboot();\n`);
    for (const island of islands) {
      const file = `${tmp}/${island.name}.ts`;
      const spec = JSON.stringify(island.url.href);
      await Deno.writeTextFile(file, `export { default } from ${spec};\n`);
      entries.push(file);
      if (island.starter) entries.push(await writeStarter(tmp, island.name, island.starter));
    }
    const outDir = `${tmp}/out`;
    return withEagerStarters(
      typeof Deno.bundle === "function"
        ? await bundleInProcess(entries, outDir, opts.minify ?? false)
        : await bundleWithCli(entries, outDir, opts.minify ?? false),
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

/**
 * The starter's entry: boots the page (which a page with starters loads through them, not
 * as boot.js), then runs its `start` for each of the page's islands of that name. The boot
 * only listens until the page settles, so it comes first: a starter that throws leaves it.
 */
async function writeStarter(tmp: string, name: string, starter: URL): Promise<string> {
  const file = `${tmp}/${name}.start.ts`;
  const [spec, data, boot, island] = [starter.href, ISLAND_DATA.href, BOOT.href, name].map((s) =>
    JSON.stringify(s)
  );
  await Deno.writeTextFile(
    file,
    `import { start } from ${spec};\nimport { pageIslands } from ${data};\nimport { boot } from ${boot};\n` +
      `boot();\nfor (const { el, entry } of pageIslands()) if (entry.name === ${island}) start(entry.props, el);\n`,
  );
  return file;
}

async function bundleInProcess(
  entries: string[],
  outDir: string,
  minify: boolean,
) {
  const result = await Deno.bundle({
    entrypoints: entries,
    outputDir: outDir,
    format: "esm",
    platform: "browser",
    codeSplitting: true,
    minify,
    write: false,
  });
  if (!result.success) {
    const why = result.errors.map((e) => `${e.location?.file ?? ""}: ${e.text}`);
    throw new Error(`island bundling failed:\n${why.join("\n")}`);
  }
  const files: BundleFiles = new Map();
  for (const f of result.outputFiles ?? []) {
    files.set(
      f.path.slice(outDir.length + 1),
      f.contents ?? new TextEncoder().encode(f.text()),
    );
  }
  return files;
}

/** Fallback when `Deno.bundle` is unavailable (run without --unstable-bundle). */
async function bundleWithCli(
  entries: string[],
  outDir: string,
  minify: boolean,
) {
  const args = [
    "bundle",
    "--code-splitting",
    "--format=esm",
    "--platform=browser",
  ];
  if (minify) args.push("--minify");
  const out = await new Deno.Command(Deno.execPath(), {
    args: [...args, `--outdir=${outDir}`, ...entries],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) {
    throw new Error(
      `island bundling failed:\n${new TextDecoder().decode(out.stderr)}`,
    );
  }
  return await readBundle(new URL(`file://${outDir}/`)) ?? new Map();
}

/** Island bundle files as served: each with its compressed forms. */
export type BundleAssets = Map<string, Asset>;

const JS = "text/javascript; charset=utf-8";
const ENCODINGS: [Encoding, string][] = [["br", ".br"], ["gzip", ".gz"]];

/** Writes the bundle to `dir` (e.g. `_fresh/islands/`), replacing old files, each beside its `.br` and `.gz`. */
export async function writeBundle(files: BundleFiles, dir: URL): Promise<void> {
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  await Deno.mkdir(dir, { recursive: true });
  for (const [name, data] of files) {
    await Deno.writeFile(new URL(name, dir), data);
    for (const [encoding, suffix] of ENCODINGS) {
      await Deno.writeFile(new URL(name + suffix, dir), compress(data, encoding, true));
    }
  }
}

/** Loads a previously written bundle with its compressed forms, or null if `dir` has none. */
export async function readBundle(dir: URL): Promise<BundleAssets | null> {
  const files: BundleAssets = new Map();
  const read = (name: string) => Deno.readFile(new URL(name, dir)).catch(() => undefined);
  try {
    for await (const e of Deno.readDir(dir)) {
      if (!e.isFile || !e.name.endsWith(".js")) continue;
      const encoded: Asset["encoded"] = {};
      for (const [encoding, suffix] of ENCODINGS) encoded[encoding] = await read(e.name + suffix);
      files.set(e.name, await asset(JS, await Deno.readFile(new URL(e.name, dir)), encoded));
    }
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return null;
    throw err;
  }
  return files.has("boot.js") ? files : null;
}

/** A bundle made in memory (development), served as is: each file compressed on first request. */
export async function bundleAssets(files: BundleFiles): Promise<BundleAssets> {
  return new Map(
    await Promise.all([...files].map(async ([name, data]) => [name, await asset(JS, data)] as const)),
  );
}

/** The raw files of served bundle assets (to read their import graph). */
export const rawFiles = (assets: BundleAssets): BundleFiles =>
  new Map([...assets].map(([n, a]) => [n, a.raw]));

const HASHED = /-[A-Z0-9]+\.js$/;

/** Entries must revalidate; content-hashed chunks are immutable. */
export function bundleResponse(req: Request, files: BundleAssets, name: string): Response | null {
  const file = files.get(name);
  if (!file) return null;
  const immutable = HASHED.test(name);
  return serveAsset(req, file, immutable ? "public, max-age=31536000, immutable" : "no-cache");
}

/**
 * For `scripts/build.ts`: bundles `<root>/islands/` minified into `<root>/_fresh/islands/`,
 * and each page's own bundle (island_groups.ts) into a folder of its name there.
 */
export async function buildIslands(rootDir: string | URL): Promise<Map<string, BundleFiles>> {
  const root = rootUrl(rootDir);
  const { routes } = await scanRoutes(new URL("routes/", root));
  const islands = await findIslandFiles(new URL("islands/", root));
  const bundles = new Map<string, BundleFiles>();
  // All islands' first: writing them clears the folder, old pages' bundles too.
  for (const name of bundleNames(routes)) {
    const files = await bundleIslands(await islandsOf(name, routes, islands), { minify: true });
    await writeBundle(files, new URL(`_fresh/islands/${groupFolder(name)}`, root));
    bundles.set(name, files);
  }
  return bundles;
}
