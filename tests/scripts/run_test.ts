// scripts/run as a person uses it: it starts LiveKit and the app, and Ctrl-C (SIGINT to
// the terminal's whole process group) stops both cleanly: the app says it is stopping,
// nothing is left running, and the ports are free again.
import { assert, assertEquals } from "@/tests/assert.ts";
import { freePort, freeUdpPort } from "@/tests/e2e/harness/ports.ts";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";
import { withTempDir } from "@/tests/temp_dir.ts";

const portFree = async (port: number) => {
  try {
    (await Deno.connect({ hostname: "127.0.0.1", port })).close();
    return false;
  } catch {
    return true;
  }
};

async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  log: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms. Output:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The processes in a process group, from /proc. */
async function groupMembers(pgid: number): Promise<string[]> {
  const members: string[] = [];
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    const stat = await Deno.readTextFile(`/proc/${entry.name}/stat`).catch(() => "");
    // pid (comm) state ppid pgrp …: comm may hold spaces, so split after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) {
      members.push(`${entry.name} ${stat.slice(stat.indexOf("("), stat.lastIndexOf(")") + 1)}`);
    }
  }
  return members;
}

/** Starts scripts/run with `args` as a person does in a terminal, waits for the app, runs
 * `check`, then presses Ctrl-C and sees everything stop cleanly. */
function runAndStop(
  args: string[],
  check: (app: number, dir: string) => Promise<void>,
  prepare: (dir: string) => Promise<void> = async () => {},
) {
  return withTempDir("showfloor-run-", async (dir) => {
    await prepare(dir);
    const [app, livekit, rtcTcp] = [await freePort(), await freePort(), await freePort()];
    const udp = await freeUdpPort();
    // setsid: its own process group, as a terminal gives a command; Ctrl-C signals the whole group.
    const child = new Deno.Command("setsid", {
      args: ["bash", `${REPO_ROOT}/scripts/run`, ...args],
      cwd: REPO_ROOT,
      env: {
        PORT: String(app),
        LIVEKIT_PORT: String(livekit),
        LIVEKIT_RTC_TCP_PORT: String(rtcTcp),
        UDP_PORT: String(udp),
        DATA_DIR: dir,
      },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    let output = "";
    const decoder = new TextDecoder();
    const pumps = [child.stdout, child.stderr].map(async (stream) => {
      for await (const chunk of stream) output += decoder.decode(chunk, { stream: true });
    });
    const log = () => output;
    try {
      await until(
        "the app answered",
        () => fetch(`http://127.0.0.1:${app}/healthz`).then((r) => r.ok, () => false),
        120_000,
        log,
      );
      assert(!await portFree(livekit), "LiveKit listens");
      assert((await groupMembers(child.pid)).length >= 3, "scripts/run, LiveKit and the app run");
      await check(app, dir);
      const stopping = Date.now();
      Deno.kill(-child.pid, "SIGINT");
      const status = await child.status;
      const took = Date.now() - stopping;
      assert(took < 10_000, `stopped in ${took} ms`);
      assert(status.code === 130, `exit code ${status.code} (130: stopped by Ctrl-C)`);
      await until(
        "every process of the group exited",
        async () => (await groupMembers(child.pid)).length === 0,
        5_000,
        log,
      );
      assert(output.includes("Showfloor is stopping"), output);
      for (const port of [app, livekit]) assert(await portFree(port), `port ${port} is free again`);
    } finally {
      try {
        Deno.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      await child.status;
      await Promise.all(pumps);
    }
  });
}

Deno.test({
  name: "scripts/run starts LiveKit and the app, and Ctrl-C stops both cleanly",
  sanitizeResources: false,
  fn: () =>
    runAndStop([], async (_app, dir) => {
      assert((await Deno.stat(`${dir}/showfloor.kv`)).isFile, "the KV file is in DATA_DIR");
    }),
});

Deno.test({
  name: "scripts/run --prod serves the built islands in production, with secrets of its own kept in DATA_DIR",
  sanitizeResources: false,
  fn: () =>
    runAndStop(["--prod"], async (app, dir) => {
      for (const file of ["boot.js", "watch/WatchPlayer.start.js"]) {
        const served = await (await fetch(`http://127.0.0.1:${app}/_islands/${file}`)).text();
        const built = await Deno.readTextFile(`${REPO_ROOT}/_fresh/islands/${file}`);
        assert(served === built, `${file} is the build's, not bundled in memory as in development`);
      }
      const secrets = `${dir}/run-secrets.env`;
      assert(((await Deno.stat(secrets)).mode! & 0o777) === 0o600, "only this user reads the secrets");
      const kept = await Deno.readTextFile(secrets);
      assert(/^APP_SECRET=[0-9a-f]{64}\nLIVEKIT_API_SECRET=[0-9a-f]{64}\n$/.test(kept), kept);
      const kv = (await Deno.stat(`${dir}/showfloor.kv`)).mode! & 0o777;
      assert(kv === 0o600, `the KV file, with every account, is this user's alone: ${kv.toString(8)}`);
    }),
});

Deno.test({
  name:
    "scripts/run --prod reads a secrets file edited by hand: comments, blank lines, CRLF, no last newline",
  sanitizeResources: false,
  fn: () => {
    const file = "# ours\r\n\r\nAPP_SECRET=" + "a".repeat(40) + "\r\nLIVEKIT_API_SECRET=" + "b".repeat(40);
    return runAndStop(["--prod"], async (_app, dir) => {
      // The app came up: production refuses a development LiveKit secret, and waits for
      // LiveKit to take the app's (a carriage return in it would not be).
      assertEquals(await Deno.readTextFile(`${dir}/run-secrets.env`), file, "kept as it was");
    }, (dir) => Deno.writeTextFile(`${dir}/run-secrets.env`, file));
  },
});
