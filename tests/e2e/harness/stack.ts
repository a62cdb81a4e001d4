// The whole stack for an end-to-end test: a real livekit-server whose webhooks
// reach a real app process, both on free loopback ports.
import { type AppServer, startApp } from "./app.ts";
import { type LivekitServer, startLivekit } from "./livekit.ts";
import { freePort } from "./ports.ts";

export interface Stack {
  /** http://127.0.0.1:APPPORT */
  appUrl: string;
  app: AppServer;
  livekit: LivekitServer;
  /** Stops the app, then LiveKit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Extra environment for the app. */
  appEnv?: Record<string, string>;
  /** Extra livekit.yaml settings (deep-merged). */
  livekitConfig?: Record<string, unknown>;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  // The app's port comes first: LiveKit needs the webhook URL when it starts.
  const appPort = await freePort();
  const livekit = await startLivekit({
    webhookUrl: `http://127.0.0.1:${appPort}/api/livekit/webhook`,
    config: opts.livekitConfig,
    avoidPorts: [appPort],
  });
  let app: AppServer;
  try {
    app = await startApp({ livekit, port: appPort, env: opts.appEnv });
  } catch (error) {
    await livekit.stop();
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    appUrl: app.url,
    app,
    livekit,
    stop: () =>
      stopping ??= (async () => {
        try {
          await app.stop();
        } finally {
          await livekit.stop();
        }
      })(),
  };
}
