// One browser module bundled and minified, as a page would load it: the benches' baselines.

/** `entry` and what it imports, in one minified ES module; `what` names it in the error. */
export async function minifiedBundle(entry: string, what: string): Promise<Uint8Array<ArrayBuffer>> {
  const result = await Deno.bundle({
    entrypoints: [entry],
    format: "esm",
    platform: "browser",
    minify: true,
    write: false,
  });
  const code = result.outputFiles?.[0]?.contents;
  if (!result.success || !code) throw new Error(`could not bundle ${what}`);
  return code as Uint8Array<ArrayBuffer>;
}
