// Puts the real livekit-client into a page as window.LK. The page's context must be
// created with { bypassCSP: true }: the app's CSP rightly refuses inline scripts.
import type { Page } from "playwright-core";

let bundled: Promise<string> | null = null;

function bundle(): Promise<string> {
  bundled ??= (async () => {
    const result = await Deno.bundle({
      entrypoints: [
        new URL("./livekit_client_entry.ts", import.meta.url).pathname,
      ],
      format: "esm",
      platform: "browser",
      write: false,
    });
    const file = result.outputFiles?.[0];
    if (!result.success || !file) {
      throw new Error("Could not bundle livekit-client for the test page");
    }
    return file.text();
  })();
  return bundled;
}

export async function installLivekitClient(page: Page): Promise<void> {
  await page.addScriptTag({ type: "module", content: await bundle() });
  await page.waitForFunction(() => "LK" in globalThis);
}
