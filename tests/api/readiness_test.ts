import { assertEquals } from "@/tests/assert.ts";
import { Client, withApp } from "./client.ts";

Deno.test("/readyz answers 200 when KV and LiveKit answer, and /healthz says the process is up", () =>
  withApp(async (app) => {
    const client = new Client(app);
    const ready = await client.request("/readyz");
    assertEquals(ready.status, 200);
    assertEquals(await ready.json(), { ready: true, checks: { kv: "ok", livekit: "ok" } });
    assertEquals((await client.request("/healthz")).status, 200);
  }));

Deno.test("/readyz answers 503 naming LiveKit while its API does not answer, and 200 once it does", () =>
  withApp(async (app) => {
    const client = new Client(app);
    app.rooms.down = true;
    const res = await client.request("/readyz");
    assertEquals(res.status, 503);
    const body = await res.json();
    assertEquals(body.ready, false);
    assertEquals(body.checks.kv, "ok");
    assertEquals(
      body.checks.livekit,
      "LiveKit's API at ws://127.0.0.1:7880 did not answer: connect ECONNREFUSED 127.0.0.1:7880",
    );
    assertEquals((await client.request("/healthz")).status, 200);
    app.rooms.down = false;
    assertEquals((await client.request("/readyz")).status, 200);
  }));

Deno.test("/readyz answers 503 naming KV when the store is gone", () =>
  withApp(async (app) => {
    const open = app.services.kv;
    const gone = await Deno.openKv(":memory:");
    gone.close();
    app.services.kv = gone;
    const res = await new Client(app).request("/readyz");
    app.services.kv = open;
    assertEquals(res.status, 503);
    const body = await res.json();
    assertEquals(body.checks.livekit, "ok");
    assertEquals(body.checks.kv.startsWith("KV did not answer a read: "), true, body.checks.kv);
  }));

Deno.test("/healthz and /readyz answer a wrong method as JSON, with the methods they allow", () =>
  withApp(async (app) => {
    const client = new Client(app);
    for (const path of ["/healthz", "/readyz"]) {
      for (const method of ["POST", "DELETE"]) {
        const res = await client.request(path, { method });
        assertEquals(res.status, 405, `${method} ${path}`);
        assertEquals(res.headers.get("allow"), "GET, HEAD");
        assertEquals(res.headers.get("content-type"), "application/json; charset=utf-8");
        assertEquals(await res.json(), {
          error: { code: "method_not_allowed", message: `${method} is not allowed here (use GET, HEAD)` },
        });
      }
    }
  }));
