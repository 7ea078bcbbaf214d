// What the emulated blacksmith render's frame N looks like, so the demo's preview has a picture:
// a dark forge, the glow of the fire, an anvil, and a hammer that rises and falls over the shot.
// Made the same way for the same frame. The scene writes JPEGs (blacksmith-jpeg.blend), but these
// bytes never reach a disk, and the preview tells formats by their first bytes: they are PNG, which
// pngjs makes with zlib, where each jpeg-js encode built 7 MB of tables (most of the demo's steady
// CPU, and large objects that stayed in the heap until a full collection).
import { PNG } from 'pngjs';

const WIDTH = 160;
const HEIGHT = 120;
/** The hammer's stroke repeats every this many frames, and it is all that moves. */
const STROKE_FRAMES = 12;

/** Writes frame N's pixel (x, y) into `data` at `at` as RGBA, with no array per pixel. */
function writePixel(data: Uint8Array, at: number, frame: number, x: number, y: number): void {
  // The fire on the left glows orange; the walls are dark blue-grey.
  const glow = Math.max(0, 1 - Math.hypot(x - 30, y - 80) / 70);
  let r = 25 + 200 * glow;
  let g = 28 + 110 * glow;
  let b = 40 + 20 * glow;
  if (y > 95) {
    r = 60 + 60 * glow;
    g = 45 + 30 * glow;
    b = 35;
  }
  // The anvil.
  if (y > 78 && y <= 95 && x > 70 && x < 120 && (y > 84 || (x > 62 && x < 128))) {
    r = 70;
    g = 72;
    b = 80;
  }
  // The hammer's head, high at the start of each stroke, on the anvil at its end.
  const stroke = (frame % STROKE_FRAMES) / STROKE_FRAMES;
  const head = 30 + 45 * stroke;
  if (x > 88 && x < 104 && y > head && y < head + 9) {
    r = 150;
    g = 150;
    b = 160;
  }
  if (x > 94 && x < 98 && y > head - 25 && y <= head) {
    r = 110;
    g = 70;
    b = 40;
  }
  data[at] = Math.round(r);
  data[at + 1] = Math.round(g);
  data[at + 2] = Math.round(b);
  data[at + 3] = 255;
}

/**
 * Frames a stroke apart are the same picture, so each of the STROKE_FRAMES pictures is encoded
 * once and the same bytes are handed out again: callers only read them.
 */
const encoded = new Map<number, Uint8Array>();

export function blacksmithFrame(frame: number): Uint8Array {
  const key = frame % STROKE_FRAMES;
  let bytes = encoded.get(key);
  if (bytes === undefined) {
    bytes = encodeFrame(key);
    encoded.set(key, bytes);
  }
  return bytes;
}

function encodeFrame(frame: number): Uint8Array {
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) {
      writePixel(png.data, (y * WIDTH + x) * 4, frame, x, y);
    }
  }
  return PNG.sync.write(png);
}
