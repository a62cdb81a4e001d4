// A clock a video carries: a 1280×720 canvas showing the time it was drawn as 48 black or
// white blocks (32 bits of ms since the epoch mod 2^32, then a 16-bit check), each block
// big enough to survive the smallest simulcast layer's compression; and a reader that
// decodes it from a <video> on every frame it presents. Both run in pages of one
// Chromium, so they read the same machine clock.

export interface ClockReadings {
  /** Presented minus drawn, per readable frame (ms). */
  latencies: number[];
  /** Frames whose blocks did not pass the check. */
  unreadable: number;
  /** The size of the last frame read, e.g. "640×360". */
  size: string;
}

export interface PixelClock {
  /** A new video track of the clock (the canvas starts drawing on first use). */
  track(): MediaStreamTrack;
  /** Reads every frame `video` presents from now on into `readings`. */
  watch(video: HTMLVideoElement): void;
  readings: ClockReadings;
}

/** Runs in a page (see pixelClockScript): defines window.pixelClock. */
function install(replaceCamera: boolean) {
  const COLS = 8, ROWS = 6, WIDTH = 1280, HEIGHT = 720;
  const check = (t: number) => ((t >>> 16) ^ (t & 0xffff) ^ 0x5a5a) & 0xffff;
  const bitsOf = (t: number) =>
    [...Array(32)].map((_, i) => (t >>> (31 - i)) & 1)
      .concat([...Array(16)].map((_, i) => (check(t) >>> (15 - i)) & 1));

  let canvas: HTMLCanvasElement | null = null;
  const start = () => {
    canvas = document.createElement("canvas");
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const ctx = canvas.getContext("2d")!;
    const [bw, bh] = [WIDTH / COLS, HEIGHT / ROWS];
    const draw = () => {
      bitsOf(Date.now() >>> 0).forEach((bit, i) => {
        ctx.fillStyle = bit ? "#fff" : "#000";
        ctx.fillRect((i % COLS) * bw, Math.floor(i / COLS) * bh, bw, bh);
      });
      requestAnimationFrame(draw);
    };
    draw();
    return canvas;
  };

  const readings = { latencies: [] as number[], unreadable: 0, size: "" };
  const clock = {
    readings,
    track: () => (canvas ?? start()).captureStream(30).getVideoTracks()[0]!,
    watch(video: HTMLVideoElement) {
      // One pixel in the middle of each block, after scaling the frame down to 8×8 a block.
      const small = document.createElement("canvas");
      small.width = COLS * 8;
      small.height = ROWS * 8;
      const ctx = small.getContext("2d", { willReadFrequently: true })!;
      const onFrame = () => {
        const now = Date.now() >>> 0;
        ctx.drawImage(video, 0, 0, small.width, small.height);
        const px = ctx.getImageData(0, 0, small.width, small.height).data;
        const bits = [...Array(COLS * ROWS)].map((_, i): number => {
          const at = 4 * ((Math.floor(i / COLS) * 8 + 4) * small.width + (i % COLS) * 8 + 4);
          return px[at]! + px[at + 1]! + px[at + 2]! > 384 ? 1 : 0;
        });
        const t = bits.slice(0, 32).reduce((n, b) => (n * 2 + b) >>> 0, 0);
        const sum = bits.slice(32).reduce((n, b) => n * 2 + b, 0);
        if (sum === check(t)) readings.latencies.push((now - t) | 0);
        else readings.unreadable++;
        readings.size = `${video.videoWidth}×${video.videoHeight}`;
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    },
  };
  Object.assign(globalThis, { pixelClock: clock });

  if (!replaceCamera) return;
  // The page's camera becomes the clock: what it asks getUserMedia for, it gets, but its
  // video track is the canvas.
  const devices = navigator.mediaDevices;
  const real = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const got = await real(constraints);
    for (const t of got.getVideoTracks()) {
      got.removeTrack(t);
      t.stop();
      got.addTrack(clock.track());
    }
    return got;
  };
}

/** The init script that installs window.pixelClock; with `replaceCamera`, getUserMedia's video is the clock. */
export function pixelClockScript(replaceCamera: boolean): { script: string } {
  return { script: `(${install.toString()})(${replaceCamera});` };
}
