// Delivers the outbox to LiveKit: per stream, in the order written, until LiveKit takes
// each item; an item is deleted only once sent, so nothing queued is lost when LiveKit is
// down or the process dies. One process at a time delivers a stream (a lease in KV, taken
// over when it lapses), so entries go out in order, at least once. Broadcast messages get
// the stream's next `seq` (kept in KV, so a resend has the same one) and, as `version`,
// the versionstamp of the commit that queued them; clients spot gaps and drop repeats.
import type { AnyMessage } from "@/lib/contract/messages.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";
import { connectionsOf, type RoomService } from "@/lib/livekit/room_service.ts";
import type { News } from "./queue.ts";

/** An item as the sender keeps it once it has a place in the stream's sequence. */
type Stored = News & { seq?: number; version?: string };
type Entry = Deno.KvEntry<Stored>;

export interface OutboxSender {
  /** Delivers what is queued (and what is queued meanwhile) until none is left or `timeoutMs` passes. */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Keeps delivering in the background: woken by every queued item, and every second besides. */
  start(): void;
  /** Stops the background delivery (what is queued stays for the next sender). */
  stop(): Promise<void>;
}

export interface SenderOptions {
  /** The seller's studio connections of a stream: where "hosts" messages go. */
  hostsOf(streamId: string): Promise<string[]>;
  /** How long a lease holds without renewal (default 5 s): how soon another process takes over from a dead one. */
  leaseMs?: number;
}

const MAX_BACKOFF_MS = 30_000;
const BATCH = 500;
/** A call LiveKit has not answered by then counts as failed (and is retried): one stuck call holds up nothing else. */
const SEND_TIMEOUT_MS = 10_000;

export function createOutboxSender(kv: Deno.Kv, rooms: RoomService, opts: SenderOptions): OutboxSender {
  return new Sender(kv, rooms, opts);
}

class Sender implements OutboxSender {
  readonly #owner = newId();
  readonly #leaseMs: number;
  /** Streams whose last delivery failed: how often in a row, and when to try again. */
  readonly #failures = new Map<string, { count: number; until: number }>();
  #running: Promise<void> | null = null;
  #stopped = false;
  #wake: () => void = () => {};

  constructor(private kv: Deno.Kv, private rooms: RoomService, private opts: SenderOptions) {
    this.#leaseMs = opts.leaseMs ?? 5_000;
  }

  async flush(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.#failures.clear();
      if (await this.#deliverOnce() === 0) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  start(): void {
    if (this.#running) return;
    this.#stopped = false;
    const ticks = this.kv.watch([keys.outboxTick()]).getReader();
    void (async () => {
      while (!this.#stopped && !(await ticks.read()).done) this.#wake();
    })().catch((error) => {
      // The one-second poll below still delivers, only later.
      if (!this.#stopped) {
        console.warn("outbox: watching for new entries failed; polling each second:", error);
      }
    });
    this.#running = (async () => {
      while (!this.#stopped) {
        await this.#deliverOnce().catch((error) => console.error("outbox: delivery failed:", error));
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1_000);
          this.#wake = () => (clearTimeout(timer), resolve());
        });
      }
      await ticks.cancel().catch(() => {});
    })();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake();
    await this.#running;
    this.#running = null;
  }

  /** One pass over what is queued, every stream at once; returns how many items it saw. */
  async #deliverOnce(): Promise<number> {
    const entries = await Array.fromAsync(
      this.kv.list<Stored>({ prefix: keys.outboxAll() }, { limit: BATCH }),
    );
    const streams = new Set(entries.map((entry) => String(entry.key[1])));
    await Promise.all([...streams].map((streamId) => this.#deliverStream(streamId)));
    return entries.length;
  }

  async #deliverStream(streamId: string): Promise<void> {
    if ((this.#failures.get(streamId)?.until ?? 0) > Date.now() || !await this.#lease(streamId)) return;
    // Read under the lease: what another process delivered before it let go is gone from it.
    const items = await Array.fromAsync(
      this.kv.list<Stored>({ prefix: keys.outboxOf(streamId) }, { limit: BATCH }),
    );
    let leasedAt = Date.now();
    for (const entry of items) {
      // Renewed well before it lapses, so a long backlog is not taken over halfway.
      if (Date.now() - leasedAt > this.#leaseMs / 3) {
        if (!await this.#lease(streamId)) return;
        leasedAt = Date.now();
      }
      try {
        await timeout(this.#deliver(streamId, entry), Math.min(SEND_TIMEOUT_MS, this.#leaseMs / 2));
        this.#failures.delete(streamId);
      } catch (error) {
        return this.#failed(streamId, error); // The rest waits its turn: order per stream holds.
      }
    }
    // Done for now: any process (this one restarted, say) may deliver what comes next at once.
    await this.#release(streamId);
  }

  async #release(streamId: string): Promise<void> {
    const held = await this.kv.get<{ owner: string }>(keys.outboxLease(streamId));
    if (held.value?.owner === this.#owner) await this.kv.atomic().check(held).delete(held.key).commit();
  }

  /** Backs off the stream (doubling, up to 30 s), saying so at the first failure and every tenth. */
  #failed(streamId: string, error: unknown): void {
    const count = (this.#failures.get(streamId)?.count ?? 0) + 1;
    this.#failures.set(streamId, {
      count,
      until: Date.now() + Math.min(500 * 2 ** (count - 1), MAX_BACKOFF_MS),
    });
    if (count === 1 || count % 10 === 0) {
      console.error(`outbox: stream ${streamId} waits (try ${count}):`, error);
    }
  }

  /** Takes (or renews) the stream's lease unless another live process holds it. */
  #lease(streamId: string): Promise<boolean> {
    return atomically("taking an outbox lease", async () => {
      const held = await this.kv.get<{ owner: string; until: number }>(keys.outboxLease(streamId));
      if (held.value && held.value.owner !== this.#owner && held.value.until > Date.now()) return false;
      const lease = { owner: this.#owner, until: Date.now() + this.#leaseMs };
      const op = this.kv.atomic().check(held).set(keys.outboxLease(streamId), lease, {
        expireIn: this.#leaseMs,
      });
      return (await op.commit()).ok ? true : RETRY;
    });
  }

  async #deliver(streamId: string, entry: Entry): Promise<void> {
    const news = entry.value;
    if ("close" in news) await this.rooms.close(streamId);
    else if (news.to) {
      const to = news.to === "hosts"
        ? await this.opts.hostsOf(streamId)
        : await connectionsOf(this.rooms, streamId, news.to.person);
      const message = { ...news.message, version: entry.versionstamp } as AnyMessage;
      if (to.length) await this.rooms.send(streamId, message, { to });
    } else {
      entry = await this.#placed(streamId, entry);
      const { seq, version } = entry.value;
      await this.rooms.send(streamId, { ...news.message, seq, version } as AnyMessage);
    }
    await this.kv.atomic().check(entry).delete(entry.key).commit();
  }

  /** The entry with its place in the stream's sequence: given once, kept with it for a resend. */
  async #placed(streamId: string, entry: Entry): Promise<Entry> {
    if (entry.value.seq !== undefined) return entry;
    const last = await this.kv.get<number>(keys.outboxSeq(streamId));
    const seq = (last.value ?? 0) + 1;
    const value: Stored = { ...entry.value, seq, version: entry.versionstamp };
    const result = await this.kv.atomic().check(entry, last).set(entry.key, value)
      .set(keys.outboxSeq(streamId), seq).commit();
    if (!result.ok) throw new Error("the outbox entry changed while it was being placed");
    return { ...entry, value, versionstamp: result.versionstamp };
  }
}

function timeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`LiveKit did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
