import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import {
  block,
  cat,
  cluster,
  el,
  emptyElements,
  HEADER,
  hex,
  recording,
  tinyBlocks,
  unknownSize,
} from "@/tests/fixtures/webm.ts";
import { seekableHead, type Work } from "./webm_index.ts";

async function headOf(file: Uint8Array) {
  return await seekableHead(ReadableStream.from([file.subarray(0, 7), file.subarray(7)]));
}

interface Element {
  id: number;
  data: Uint8Array;
  /** Where it starts in the bytes it was read from. */
  at: number;
}

/** The known-size elements in `bytes`, up to its end or the first Cluster. */
function elements(bytes: Uint8Array): Element[] {
  const found = [];
  for (let at = 0; at < bytes.length && bytes[at] !== 0x1f;) {
    const idLength = Math.clz32(bytes[at]!) - 23;
    const id = bytes.subarray(at, at + idLength).reduce((n, b) => n * 256 + b, 0);
    const sized = at + idLength;
    const long = bytes[sized] === 0x01;
    const size = long
      ? Number(new DataView(bytes.buffer, bytes.byteOffset + sized).getBigUint64(0) & 0xffffffffffffffn)
      : bytes[sized]! - 0x80;
    const dataAt = sized + (long ? 8 : 1);
    found.push({ id, data: bytes.subarray(dataAt, dataAt + size), at });
    at = dataAt + size;
  }
  return found;
}

const number = (e: Element) => Number(new DataView(e.data.buffer, e.data.byteOffset).getBigUint64(0));
const float = (e: Element) => new DataView(e.data.buffer, e.data.byteOffset).getFloat64(0);

/** What a player reads of a served file: its Info's Duration and its cues' times and positions. */
function seekIndex(served: Uint8Array) {
  const segmentData = elements(served)[0]!.data.length + 5 + 12;
  const children = elements(served.subarray(segmentData));
  const byId = (id: number) => children.find((e) => e.id === id)!;
  const cues = elements(byId(0x1c53bb6b).data).map((point) => {
    const [time, positions] = elements(point.data);
    return { time: number(time!), position: number(elements(positions!.data)[1]!) };
  });
  const duration = float(elements(byId(0x1549a966).data).find((e) => e.id === 0x4489)!);
  return { segmentData, duration, cues, tracks: byId(0x1654ae6b) };
}

Deno.test("seekableHead() gives a recording a Duration, and Cues at clusters' first video keyframes", async () => {
  const clusters = [
    cluster(0, block(1, 0, true), block(2, 0, true), block(1, 20, true)),
    cluster(500, block(2, 0, false), block(1, 10, true)),
    cluster(1_200, block(1, 0, true), block(2, 5, true), block(2, 40, false)),
    cluster(1_800, block(2, 0, true)),
    cluster(2_500, block(2, 0, true), block(1, 700, true)),
  ];
  const file = recording(...clusters);
  const made = await headOf(file);
  assert(made);
  assertEquals(made.clustersAt, HEADER.length);
  const served = cat(made.head, file.subarray(made.clustersAt));
  const { segmentData, duration, cues, tracks } = seekIndex(served);
  assertEquals(
    served.subarray(0, segmentData),
    file.subarray(0, segmentData),
    "the EBML header and Segment as they were",
  );
  assertEquals(tracks.data, HEADER.subarray(HEADER.length - tracks.data.length));
  assertEquals(duration, 3_200, "the last block's time");
  // One cue a second at most, at a cluster's first video keyframe.
  assertEquals(cues.map((c) => c.time), [0, 1_205, 2_500]);
  for (const { position } of cues) {
    const at = segmentData + position;
    assertEquals(served.subarray(at, at + 4), hex("1f43b675"), `the cue at ${position} points at a Cluster`);
  }
  assertEquals(served.length - segmentData - cues.at(-1)!.position, clusters.at(-1)!.length);
});

Deno.test("seekableHead() indexes what arrived of a take cut short, and thins its cues past ten thousand", async () => {
  const whole = recording(
    cluster(0, block(2, 0, true)),
    cluster(1_000, block(2, 0, true), block(2, 30, false)),
  );
  const made = await headOf(whole.subarray(0, whole.length - 3));
  assertEquals(seekIndex(made!.head).duration, 1_000);

  const clusters = Array.from({ length: 25_000 }, (_, s) => cluster(s * 1_000, block(2, 0, true)));
  const times = seekIndex((await headOf(recording(...clusters)))!.head).cues.map((c) => c.time);
  assert(times.length <= 10_000 && times.length > 5_000, `${times.length} cues`);
  assertEquals(new Set(times.slice(1).map((t, i) => t - times[i]!)), new Set([4_000]), "evenly spaced");
});

Deno.test("seekableHead() leaves alone what is not a recording it knows", async () => {
  const withDuration = cat(
    el("1a45dfa3", el("4282", new TextEncoder().encode("webm"))),
    unknownSize("18538067"),
    el("1549a966", el("2ad7b1", hex("0f4240")), el("4489", hex("00000000"))),
    cluster(0, block(1, 0, true)),
  );
  const cases: [string, Uint8Array][] = [
    ["an EBML header and noise", cat(el("1a45dfa3"), new Uint8Array(64).fill(0))],
    ["a header only", HEADER],
    ["a Duration already", withDuration],
    ["Cues already", recording(el("1c53bb6b"), cluster(0, block(2, 0, true)))],
    ["not EBML", new TextEncoder().encode("RIFF....WEBPVP8 ")],
    ["nothing", new Uint8Array()],
  ];
  for (const [name, file] of cases) assertEquals(await headOf(file), null, name);
});

Deno.test("seekableHead() gives a crafted take no head, without reading more than a real one's start", async () => {
  const body = cluster(0, block(2, 0, true));
  const huge = hex("01000fffffffffff");
  const voids = (count: number) => new Uint8Array(count * 2).map((_, i) => i % 2 ? 0x80 : 0xec);
  const cases: [string, Uint8Array][] = [
    ["an EBML header claiming 4 TB", cat(hex("1a45dfa3"), huge, new Uint8Array(3_000_000))],
    [
      "a Timecode of 200 bytes",
      cat(HEADER, unknownSize("1f43b675"), hex("e740c8"), new Uint8Array(200).fill(0xff)),
    ],
    ["a Timecode claiming 4 TB", cat(HEADER, unknownSize("1f43b675"), hex("e7"), huge, new Uint8Array(100))],
    ["1.2 MB of Void before the first Cluster", recording(voids(600_000), body)],
    ["30,000 Voids before the first Cluster", recording(voids(30_000), body)],
  ];
  for (const [name, file] of cases) assertEquals(await headOf(file), null, name);

  const padded = await headOf(recording(voids(300), body));
  assert(padded && padded.head.length < 500, "Void before the clusters is left out of the head");
  const failing = ReadableStream.from((async function* () {
    yield HEADER;
    throw new Error("disk gone");
  })());
  assertEquals(
    (await assertRejects(() => seekableHead(failing))).message,
    "disk gone",
    "a failed read is no verdict",
  );
});

/** `file` in chunks of 64 KiB, as a take is read from disk, counting the bytes taken. */
function chunked(file: Uint8Array, read: { bytes: number }) {
  return ReadableStream.from((function* () {
    for (let at = 0; at < file.length; at += 65_536) {
      const chunk = file.subarray(at, at + 65_536);
      read.bytes += chunk.length;
      yield chunk;
    }
  })());
}

Deno.test("seekableHead() stops a crafted take within a budget of elements read, whatever its bytes", async () => {
  const attack = emptyElements();
  let work: Work = { elements: 0 };
  let read = { bytes: 0 };
  assertEquals(await seekableHead(chunked(attack, read), work), null);
  assertEquals(read.bytes, 65_536, "its first chunk read, no more");
  assert(work.elements > 0 && work.elements <= 1_001, `${work.elements} elements before the first Cluster`);

  // Past the first Cluster: a recording's start, then 8 MB of the smallest blocks.
  const blocks = recording(cluster(0, tinyBlocks(1_333_334)));
  work = { elements: 0 };
  read = { bytes: 0 };
  assertEquals(await seekableHead(chunked(blocks, read), work), null);
  // A million elements past the start's thousand, then one per 256 bytes read.
  const budget = 1_001_000 + read.bytes / 256;
  assert(work.elements > 1_000_000 && work.elements <= budget + 1, `${work.elements} elements`);
  assert(read.bytes < 6_500_000, `stopped at ${read.bytes} of ${blocks.length} bytes`);
});

Deno.test("seekableHead() indexes an hour with the camera off and the microphone muted, its blocks tiny", async () => {
  // What Chromium records then: 47 blocks a second (video 30, sound 17) of about 10 to 60 bytes.
  const blocks = [
    ...Array.from({ length: 30 }, (_, i) => block(2, i * 33, i === 0)),
    ...Array.from({ length: 17 }, (_, i) => block(1, i * 60, true)),
  ];
  const second = (s: number) => cluster(s * 1_000, ...blocks);
  const hour = recording(...Array.from({ length: 3_600 }, (_, s) => second(s)));
  const work = { elements: 0 };
  const made = await seekableHead(chunked(hour, { bytes: 0 }), work);
  assert(made, `${work.elements} elements in ${hour.length} bytes`);
  assertEquals(seekIndex(made.head).duration, 3_599_960);
});
