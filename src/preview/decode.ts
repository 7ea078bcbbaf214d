// A finished frame's file → a small picture for the render pane. JPEG through jpeg-js and PNG
// through pngjs (both maintained, pure JavaScript: nothing native to download or build), then
// box-averaged down to at most MAX_SIDE pixels a side: the pane has a few dozen cells anyway, and
// a small picture keeps memory flat however big the frames are. Pure: bytes in, pixels or a line out.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** An RGB picture, row by row, three bytes a pixel. */
export interface Picture {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

export type DecodedFrame = { readonly ok: true; readonly picture: Picture } | { readonly ok: false; readonly error: string };

/** Enough for any pane: a 200-column terminal shows 200×(2×rows) half-block pixels at most. */
export const MAX_SIDE = 256;
/** Frames larger than this are not decoded (a 16k EXR-sized JPEG would stall the dashboard). */
const MAX_MEGAPIXELS = 40;

const isJpeg = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8;
const isPng = (bytes: Uint8Array): boolean => bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

/** RGBA pixels → a picture no bigger than MAX_SIDE a side, each pixel the mean of the box it covers. */
export function shrink(width: number, height: number, rgba: Uint8Array, maxSide = MAX_SIDE): Picture {
  const scale = Math.max(1, Math.max(width, height) / maxSide);
  const outW = Math.max(1, Math.round(width / scale));
  const outH = Math.max(1, Math.round(height / scale));
  const rgb = new Uint8Array(outW * outH * 3);
  for (let y = 0; y < outH; y += 1) {
    const y0 = Math.floor((y * height) / outH);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / outH));
    for (let x = 0; x < outW; x += 1) {
      const x0 = Math.floor((x * width) / outW);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / outW));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy += 1) {
        for (let sx = x0; sx < x1; sx += 1) {
          const i = (sy * width + sx) * 4;
          // Transparent pixels read as black, as a viewer on a dark background shows them.
          const alpha = (rgba[i + 3] ?? 255) / 255;
          r += (rgba[i] ?? 0) * alpha;
          g += (rgba[i + 1] ?? 0) * alpha;
          b += (rgba[i + 2] ?? 0) * alpha;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * outW + x) * 3;
      rgb[o] = Math.round(r / n);
      rgb[o + 1] = Math.round(g / n);
      rgb[o + 2] = Math.round(b / n);
    }
  }
  return { width: outW, height: outH, rgb };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unreadable';
}

export function decodeFrame(bytes: Uint8Array): DecodedFrame {
  try {
    if (isJpeg(bytes)) {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 512 });
      return { ok: true, picture: shrink(image.width, image.height, image.data) };
    }
    if (isPng(bytes)) {
      // IHDR's width and height come first: refuse a huge frame before inflating it.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (bytes.byteLength >= 24 && view.getUint32(16) * view.getUint32(20) > MAX_MEGAPIXELS * 1_000_000) {
        return { ok: false, error: `${view.getUint32(16)}×${view.getUint32(20)} is too large to preview` };
      }
      const image = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (image.width * image.height > MAX_MEGAPIXELS * 1_000_000) return { ok: false, error: `${image.width}×${image.height} is too large to preview` };
      return { ok: true, picture: shrink(image.width, image.height, image.data) };
    }
    return { ok: false, error: 'only JPEG and PNG frames can be previewed' };
  } catch (error) {
    return { ok: false, error: `cannot decode: ${firstLine(error)}` };
  }
}
