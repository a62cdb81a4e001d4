// scripts/selfhost, as someone setting up a host meets it: init writes a private .env with
// fresh secrets and refuses what is not a domain or an IP; check names every problem in plain
// words, including a port another program holds.
import { join } from "node:path";
import { assert, assertEquals } from "@/tests/assert.ts";
import { REPO_ROOT } from "@/tests/e2e/harness/process.ts";
import { withTempDir } from "@/tests/temp_dir.ts";

async function selfhost(...args: string[]): Promise<{ code: number; output: string }> {
  const out = await new Deno.Command(`${REPO_ROOT}/scripts/selfhost`, { args, stdin: "null" }).output();
  return { code: out.code, output: new TextDecoder().decode(new Uint8Array([...out.stdout, ...out.stderr])) };
}

const withTemp = (fn: (dir: string) => Promise<void>) => withTempDir("showfloor-selfhost-script-", fn);

const settings = (text: string) =>
  Object.fromEntries(
    text.split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );

Deno.test("selfhost init writes a .env only its owner reads, with new secrets every time, and prints what to do", () =>
  withTemp(async (dir) => {
    const [a, b] = [join(dir, "a.env"), join(dir, "b.env")];
    const first = await selfhost(
      "init",
      "--domain",
      "Live.Example.com",
      "--public-ip",
      "203.0.113.7",
      "--env-file",
      a,
    );
    assertEquals(first.code, 0, first.output);
    assert(first.output.includes("live.example.com.  A  203.0.113.7"), first.output);
    for (const port of ["80/tcp", "443/tcp", "7881/tcp", "7882/udp", "3478/udp"]) {
      assert(first.output.includes(port));
    }
    await selfhost("init", "--domain", "live.example.com", "--public-ip", "203.0.113.7", "--env-file", b);
    const [one, two] = [settings(await Deno.readTextFile(a)), settings(await Deno.readTextFile(b))];
    assertEquals([one.DOMAIN, one.PUBLIC_IP], ["live.example.com", "203.0.113.7"]);
    assert(one.LIVEKIT_API_SECRET!.length >= 32 && one.APP_SECRET!.length >= 32);
    assert(one.APP_SECRET !== one.LIVEKIT_API_SECRET && one.APP_SECRET !== two.APP_SECRET);
    assertEquals((await Deno.stat(a)).mode! & 0o777, 0o600);
  }));

Deno.test("selfhost init keeps an existing .env unless forced, and refuses what is not a domain or an IPv4 address", () =>
  withTemp(async (dir) => {
    const file = join(dir, ".env");
    await Deno.writeTextFile(file, "DOMAIN=kept.example.com\n");
    const init = (...more: string[]) =>
      selfhost(
        "init",
        "--domain",
        "x.example.com",
        "--public-ip",
        "203.0.113.7",
        "--env-file",
        file,
        ...more,
      );
    const again = await init();
    assertEquals(again.code, 2);
    assert(again.output.includes("exists already") && again.output.includes("--force"), again.output);
    assertEquals(await Deno.readTextFile(file), "DOMAIN=kept.example.com\n");
    // Written over with --force, a file others could read becomes private too.
    await Deno.chmod(file, 0o644);
    const forced = await init("--force");
    assertEquals(forced.code, 0, forced.output);
    assert(forced.output.includes("(readable by you only)"), forced.output);
    assertEquals((await Deno.stat(file)).mode! & 0o777, 0o600);
    const fresh = join(dir, "fresh.env");
    const refusals: [string[], string][] = [
      [["--domain", "https://live.example.com", "--public-ip", "203.0.113.7"], "is not a domain name"],
      [["--domain", "live.example.com", "--public-ip", "203.0.113.300"], "is not an IPv4 address"],
      [["--public-ip", "203.0.113.7"], "no --domain given and no terminal to ask on"],
    ];
    for (const [args, says] of refusals) {
      const result = await selfhost("init", ...args, "--env-file", fresh);
      assert(result.code === 2 && result.output.includes(says), result.output);
      assert(!(await Deno.stat(fresh).then(() => true, () => false)), "nothing written");
    }
  }));

Deno.test("selfhost check names every problem of a .env in plain words and fails", () =>
  withTemp(async (dir) => {
    const file = join(dir, ".env");
    await Deno.writeTextFile(
      file,
      [
        "DOMAIN=showfloor.invalid",
        "PUBLIC_IP=203.0.113.7",
        "LIVEKIT_API_KEY=devkey",
        "LIVEKIT_API_SECRET=showfloor-dev-secret-change-me-32chars+",
        "APP_SECRET=too-short",
        "not a setting",
      ].join("\n"),
    );
    const { code, output } = await selfhost("check", "--env-file", file);
    assertEquals(code, 1);
    for (
      const says of [
        "line not understood in the env file",
        "DOMAIN showfloor.invalid does not resolve. Add the DNS record 'showfloor.invalid. A 203.0.113.7'",
        "LIVEKIT_API_KEY is 'devkey', the development key",
        "LIVEKIT_API_SECRET is a development secret",
        "APP_SECRET is 9 characters long; it needs at least 32",
        "5 problem(s)",
      ]
    ) assert(output.includes(says), `says "${says}":\n${output}`);
  }));

Deno.test("selfhost check says which program holds a port the stack needs", () =>
  withTemp(async (dir) => {
    const file = join(dir, ".env");
    await selfhost("init", "--domain", "showfloor.localhost", "--public-ip", "127.0.0.1", "--env-file", file);
    // Another program on LiveKit's TURN port, as a coturn left running would be.
    const holder = new Deno.Command("python3", {
      args: [
        "-c",
        "import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('0.0.0.0', 3478)); print('bound', flush=True); sys.stdin.read()",
      ],
      stdin: "piped",
      stdout: "piped",
    }).spawn();
    try {
      const reader = holder.stdout.getReader();
      await reader.read();
      reader.releaseLock();
      const { code, output } = await selfhost("check", "--env-file", file);
      assertEquals(code, 1, output);
      assert(output.includes("port 3478/udp is in use by python3; LiveKit: TURN relay needs it"), output);
    } finally {
      await holder.stdin.close();
      await holder.stdout.cancel();
      await holder.status;
    }
  }));
