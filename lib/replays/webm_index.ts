// A browser's MediaRecorder writes WebM as it goes: no duration and no index of where its
// keyframes are (Chromium's Segment and Clusters even have "unknown" sizes). A player then
// shows no length and cannot seek past what it has loaded. Reading a finished take once,
// this builds the head it lacked: its EBML header, Info with a Duration, Tracks, and Cues
// pointing at clusters with a video keyframe (at that keyframe's time), to be served in
// front of the take's clusters as they are on disk. Anything it does not expect (a file
// that already has them, a damaged or crafted one) gives null: the take is then served as
// it was recorded.

/** A new head for a take, to serve in place of the file's first `clustersAt` bytes. */
export interface SeekableHead {
  head: Uint8Array;
  clustersAt: number;
}

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  seekHead: 0x114d9b74,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  cluster: 0x1f43b675,
  timecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  cues: 0x1c53bb6b,
  cuePoint: 0xbb,
  cueTime: 0xb3,
  cueTrackPositions: 0xb7,
  cueTrack: 0xf7,
  cueClusterPosition: 0xf1,
} as const;

/** Elements that sit directly in a Segment: one of these ends a Cluster of unknown size. */
const SEGMENT_CHILDREN = new Set([
  ID.seekHead,
  ID.info,
  ID.tracks,
  ID.cluster,
  ID.cues,
  0x1254c367, // Tags
  0x1043a770, // Chapters
  0x1941a469, // Attachments
]);
const VIDEO_TRACK = 1;
/**
 * What comes before the first Cluster is read and kept whole: a real recording's is a few
 * hundred bytes (189 from Chromium). A take whose start is longer (a seller's crafted file)
 * gets no head.
 */
const MAX_HEAD_BYTES = 64 * 1024;
/**
 * Elements read, whatever the bytes, so reading a take costs at most so much: a
 * recording's start has a few dozen (its Info's and Tracks' fields), then its clusters
 * about one per 2 KB (a block of video or sound). Past the first Cluster a take may read a
 * million more, then one per 256 bytes: hours of silence and a camera off fit. A take over
 * budget (a crafted one of a million tiny elements) gets no head.
 */
const MAX_HEAD_ELEMENTS = 1_000;
const CLUSTER_ELEMENTS = 1_000_000;
const BYTES_PER_ELEMENT = 256;
/** Cues at least this far apart (ms), and at most this many: past it, every other one goes. */
const CUE_SPACING_MS = 1_000;
const MAX_CUES = 10_000;
const UNKNOWN = -1;

/** Why reading stopped: the file is not what this expects. */
class Unexpected extends Error {}
/** The file ends inside an element: a take whose last part did not arrive whole. */
class CutShort extends Unexpected {}
/** Reading the file itself failed: nothing is known about the take. */
class ReadFailed extends Error {}

/** What reading a take cost: the elements read. */
export interface Work {
  elements: number;
}

/**
 * The seekable head of a WebM take read from `chunks`, or null when it cannot have one
 * (whatever its bytes: a seller sends them), tallying its cost in `work`. Only a failure to
 * read them throws.
 */
export async function seekableHead(
  chunks: AsyncIterable<Uint8Array>,
  work: Work = { elements: 0 },
): Promise<SeekableHead | null> {
  const reader = new Reader(chunks, work);
  try {
    return await readTake(reader);
  } catch (error) {
    if (error instanceof ReadFailed) throw error.cause;
    return null;
  } finally {
    await reader.close();
  }
}

interface Cue {
  time: number;
  at: number;
}

async function readTake(reader: Reader): Promise<SeekableHead | null> {
  const ebml = await reader.header();
  if (ebml?.id !== ID.ebml || ebml.size === UNKNOWN) throw new Unexpected();
  const ebmlBytes = await reader.bytesFrom(0, ebml.headerSize + ebml.size);
  const segment = await reader.header();
  if (segment?.id !== ID.segment) throw new Unexpected();
  const kept: Uint8Array[] = [];
  let info: Uint8Array | null = null;
  let cueTrack = 0;
  let clustersAt = -1;
  let duration = 0;
  let spacing = CUE_SPACING_MS;
  let cues: Cue[] = [];
  let next = await reader.header();
  while (next) {
    const child = next;
    if (child.id === ID.seekHead || child.id === ID.cues) return null;
    if (child.id === ID.cluster) {
      if (clustersAt < 0) clustersAt = child.start;
      if (!cueTrack) throw new Unexpected();
      const cluster = await readCluster(reader, child, cueTrack);
      duration = Math.max(duration, cluster.last);
      const last = cues.at(-1);
      if (cluster.keyframe !== null && (!last || cluster.keyframe - last.time >= spacing)) {
        cues.push({ time: cluster.keyframe, at: child.start });
      }
      if (cues.length > MAX_CUES) {
        cues = cues.filter((_, i) => i % 2 === 0);
        spacing *= 2;
      }
      next = cluster.next ?? await reader.header();
      continue;
    }
    if (child.size === UNKNOWN) throw new Unexpected();
    // Void, and what is no Segment's child, is left out unread: a player skips it all the same.
    if (clustersAt >= 0 || !SEGMENT_CHILDREN.has(child.id)) {
      await reader.skip(child.size);
    } else if (child.id === ID.info) {
      const fields = await reader.children(child.size);
      if (fields.some((f) => f.id === ID.duration)) return null;
      const nsPerTick = uint(fields.find((f) => f.id === ID.timecodeScale)?.data) || 1_000_000;
      spacing = CUE_SPACING_MS * 1_000_000 / nsPerTick;
      info = concat(fields.map((f) => f.raw));
    } else {
      const raw = await reader.bytesFrom(child.start, child.headerSize + child.size);
      if (child.id === ID.tracks) cueTrack = trackToCue(raw.subarray(child.headerSize), reader);
      kept.push(raw);
    }
    next = await reader.header();
  }
  if (clustersAt < 0 || !info) return null;
  // A Segment of unknown size, as Chromium writes it: the clusters after the head are its end.
  const unsized = new Uint8Array([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  const before = concat([
    ebmlBytes,
    unsized,
    element(ID.info, concat([info, element(ID.duration, float64(duration))])),
    ...kept,
  ]);
  // Cue positions count from the Segment's data; the head ends with the Cues (an ID and a size, 12 bytes).
  const headSize = before.length + 12 + cues.length * cuePoint(0, 0, 0).length;
  const clustersFrom = headSize - (ebmlBytes.length + unsized.length);
  const points = cues.map(({ time, at }) => cuePoint(time, cueTrack, clustersFrom + at - clustersAt));
  return { head: concat([before, element(ID.cues, concat(points))]), clustersAt };
}

/** The video track's number (the first track's when there is no video). */
function trackToCue(tracks: Uint8Array, reader: Reader): number {
  const entries = parseChildren(tracks, reader).filter((e) => e.id === ID.trackEntry).map((e) =>
    parseChildren(e.data, reader)
  );
  const numbered = entries.map((fields) => ({
    number: uint(fields.find((f) => f.id === ID.trackNumber)?.data),
    type: uint(fields.find((f) => f.id === ID.trackType)?.data),
  }));
  return (numbered.find((t) => t.type === VIDEO_TRACK) ?? numbered[0])?.number ?? 0;
}

/**
 * Reads a Cluster's blocks: the last time in it, and its first keyframe's time on the cue
 * track. A Cluster of unknown size ends where the next Segment child begins, which is
 * returned as `next`; a take cut short ends inside its last one.
 */
async function readCluster(reader: Reader, cluster: Header, cueTrack: number) {
  const end = cluster.size === UNKNOWN ? Infinity : cluster.start + cluster.headerSize + cluster.size;
  let base = 0;
  let last = 0;
  let keyframe: number | null = null;
  try {
    while (reader.position < end) {
      const child = await reader.header();
      if (!child) break;
      if (SEGMENT_CHILDREN.has(child.id)) {
        if (end !== Infinity) throw new Unexpected();
        return { last, keyframe, next: child };
      }
      if (child.size === UNKNOWN) throw new Unexpected();
      if (child.id === ID.timecode) {
        if (child.size > 8) throw new Unexpected();
        base = uint(await reader.bytes(child.size));
      } else if (child.id === ID.simpleBlock || child.id === ID.blockGroup) {
        const block = await readBlock(reader, child);
        last = Math.max(last, base + block.time);
        if (block.key && keyframe === null && block.track === cueTrack) keyframe = base + block.time;
      } else {
        await reader.skip(child.size);
      }
    }
  } catch (error) {
    if (!(error instanceof CutShort)) throw error;
  }
  return { last, keyframe, next: null };
}

/**
 * A SimpleBlock's (or a BlockGroup's Block's) track, time within its cluster and whether
 * it is a keyframe, reading only the first bytes and skipping the rest.
 */
async function readBlock(reader: Reader, child: Header) {
  const inGroup = child.id === ID.blockGroup;
  const block = inGroup ? await reader.header() : child;
  if (block === null) throw new CutShort();
  if ((inGroup && block.id !== ID.block) || block.size === UNKNOWN) throw new Unexpected();
  const head = await reader.bytes(Math.min(block.size, 12));
  const trackLength = vintLength(head, 0, false);
  if (!trackLength || trackLength + 3 > head.length) throw new Unexpected();
  const time = (head[trackLength]! << 24 | head[trackLength + 1]! << 16) >> 16; // signed, 16 bits
  // A BlockGroup is a keyframe when it has no ReferenceBlock, which would mean reading its
  // children; Chromium's video comes in SimpleBlocks, so groups (its Opus padding) get no cue.
  const key = !inGroup && (head[trackLength + 2]! & 0x80) !== 0;
  await reader.skip(child.size - (inGroup ? block.headerSize : 0) - head.length);
  return { track: vintValue(head, 0, trackLength, false), time, key };
}

interface Header {
  id: number;
  /** UNKNOWN for an element whose size was not written. */
  size: number;
  start: number;
  headerSize: number;
}

interface Child {
  id: number;
  data: Uint8Array;
  raw: Uint8Array;
}

/** The elements in `bytes`, which must hold them whole, counted by `reader`. */
function parseChildren(bytes: Uint8Array, reader: Reader): Child[] {
  const children: Child[] = [];
  for (let at = 0; at < bytes.length;) {
    reader.count();
    const idLength = vintLength(bytes, at, true);
    const sizeLength = idLength && vintLength(bytes, at + idLength, false);
    const size = sizeLength && vintValue(bytes, at + idLength, sizeLength, false);
    if (!sizeLength || size === UNKNOWN) throw new Unexpected();
    const dataAt = at + idLength + sizeLength;
    const end = dataAt + size;
    if (end > bytes.length) throw new Unexpected();
    const id = vintValue(bytes, at, idLength, true);
    children.push({ id, data: bytes.subarray(dataAt, end), raw: bytes.subarray(at, end) });
    at = end;
  }
  return children;
}

/**
 * The length of the EBML variable-length integer at `at` (an element's ID, or its size), or
 * 0 when there is none there whole.
 */
function vintLength(bytes: Uint8Array, at: number, isId: boolean): number {
  const first = bytes[at];
  if (!first) return 0;
  const length = Math.clz32(first) - 23;
  return length > (isId ? 4 : 8) || at + length > bytes.length ? 0 : length;
}

/** Its value: an element ID keeps its length marker; a size does not, and is UNKNOWN when all ones. */
function vintValue(bytes: Uint8Array, at: number, length: number, isId: boolean): number {
  let value = isId ? bytes[at]! : bytes[at]! & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    allOnes &&= bytes[at + i] === 0xff;
  }
  return !isId && allOnes ? UNKNOWN : value;
}

function uint(bytes: Uint8Array | undefined): number {
  return (bytes ?? new Uint8Array(0)).reduce((n, b) => n * 256 + b, 0);
}

function uint64(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(Math.max(0, Math.round(value))));
  return bytes;
}

function float64(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return bytes;
}

/** An element with its size (and numbers) written in eight bytes, so its length is known before its content. */
function element(id: number, data: Uint8Array): Uint8Array {
  const idBytes: number[] = [];
  for (let rest = id; rest > 0; rest = Math.floor(rest / 256)) idBytes.unshift(rest % 256);
  const size = uint64(data.length);
  size[0] = 0x01;
  return concat([new Uint8Array(idBytes), size, data]);
}

/** A CuePoint: where the cluster starting at `time` is, from the start of the Segment's data. */
function cuePoint(time: number, track: number, position: number): Uint8Array {
  const positions = concat([
    element(ID.cueTrack, uint64(track)),
    element(ID.cueClusterPosition, uint64(position)),
  ]);
  return element(
    ID.cuePoint,
    concat([element(ID.cueTime, uint64(time)), element(ID.cueTrackPositions, positions)]),
  );
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Reads a file's bytes in order from its chunks, keeping only what has not been used (and
 * everything before the first Cluster, at most MAX_HEAD_BYTES), and skipping what is not
 * needed without holding it. It counts the elements read, and stops past their budget.
 */
class Reader {
  #chunks: AsyncIterator<Uint8Array>;
  /** Bytes read and not used yet: `#buffer` from `#at` (moving an index allocates nothing). */
  #buffer: Uint8Array = new Uint8Array(0);
  #at = 0;
  #done = false;
  /** Bytes of the file before `#at`. */
  #offset = 0;
  /** The file's start, kept until the first Cluster for `bytesFrom`; null once past it. */
  #start: Uint8Array | null = new Uint8Array(MAX_HEAD_BYTES);

  constructor(chunks: AsyncIterable<Uint8Array>, private readonly work: Work) {
    this.#chunks = chunks[Symbol.asyncIterator]();
  }

  get position(): number {
    return this.#offset;
  }

  /** Counts elements read: past the budget, the take is not one a recorder wrote. */
  count(): void {
    this.work.elements++;
    const budget = this.#start
      ? MAX_HEAD_ELEMENTS
      : MAX_HEAD_ELEMENTS + CLUSTER_ELEMENTS + this.#offset / BYTES_PER_ELEMENT;
    if (this.work.elements > budget) throw new Unexpected();
  }

  /** The next element's ID and size, or null at the end of the file (or of a take cut short). */
  async header(): Promise<Header | null> {
    if (this.#left < 12) await this.#fill(12);
    const buffer = this.#buffer;
    const idLength = vintLength(buffer, this.#at, true);
    const sizeLength = idLength && vintLength(buffer, this.#at + idLength, false);
    if (!sizeLength) {
      if (this.#left >= 12) throw new Unexpected();
      return null;
    }
    const header = {
      id: vintValue(buffer, this.#at, idLength, true),
      size: vintValue(buffer, this.#at + idLength, sizeLength, false),
      start: this.#offset,
      headerSize: idLength + sizeLength,
    };
    if (header.id === ID.cluster) this.#start = null;
    this.count();
    this.#take(header.headerSize);
    return header;
  }

  /**
   * The next `count` bytes (at most MAX_HEAD_BYTES), which must be there: a view of what was
   * read, not a copy (read bytes are never written over).
   */
  async bytes(count: number): Promise<Uint8Array> {
    if (count > MAX_HEAD_BYTES) throw new Unexpected();
    if (this.#left < count) await this.#fill(count);
    if (this.#left < count) throw new CutShort();
    const bytes = this.#buffer.subarray(this.#at, this.#at + count);
    this.#take(count);
    return bytes;
  }

  /** The bytes the file has from `start`, read before the first Cluster, and on to `count` in all. */
  async bytesFrom(start: number, count: number): Promise<Uint8Array> {
    await this.bytes(start + count - this.#offset);
    if (!this.#start) throw new Unexpected();
    return this.#start.slice(start, start + count);
  }

  /** The elements in the next `count` bytes. */
  async children(count: number): Promise<Child[]> {
    return parseChildren(await this.bytes(count), this);
  }

  async skip(count: number): Promise<void> {
    if (count < 0) throw new Unexpected();
    while (count > this.#left && !this.#done) {
      count -= this.#left;
      this.#take(this.#left);
      await this.#fill(1);
    }
    this.#take(Math.min(count, this.#left));
  }

  async close(): Promise<void> {
    await this.#chunks.return?.();
  }

  get #left(): number {
    return this.#buffer.length - this.#at;
  }

  #take(count: number): void {
    if (this.#start) {
      if (this.#offset + count > MAX_HEAD_BYTES) throw new Unexpected();
      this.#start.set(this.#buffer.subarray(this.#at, this.#at + count), this.#offset);
    }
    this.#at += count;
    this.#offset += count;
  }

  /** Reads chunks until `count` bytes are buffered (or the file ends), joining them once. */
  async #fill(count: number): Promise<void> {
    const parts = [this.#buffer.subarray(this.#at)];
    let have = parts[0]!.length;
    while (have < count && !this.#done) {
      const next = await this.#chunks.next().catch((cause) => {
        throw new ReadFailed("reading the take failed", { cause });
      });
      if (next.done) this.#done = true;
      else {
        parts.push(next.value);
        have += next.value.length;
      }
    }
    this.#buffer = parts.length > 1 ? concat(parts) : parts[0]!;
    this.#at = 0;
  }
}
