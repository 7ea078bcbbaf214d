// The pixels of a PNG, to compare two renders pixel for pixel: blender's PNGs carry metadata (the
// render time among them) that differs from run to run, so the files' bytes cannot be compared.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export interface PngPixels {
  /** Width, height, bit depth, colour type, interlace: the IHDR chunk. */
  readonly header: Buffer;
  /** The image data, inflated (scanlines with their filter bytes; blender filters the same pixels the same way). */
  readonly data: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngPixels(path: string): PngPixels {
  const bytes = readFileSync(path);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${path} is not a PNG`);
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (header === null || data.length === 0) throw new Error(`${path} has no image data`);
  return { header, data: inflateSync(Buffer.concat(data)) };
}

/** Same size, same format, same pixels. */
export function samePixels(a: string, b: string): boolean {
  const left = pngPixels(a);
  const right = pngPixels(b);
  return left.header.equals(right.header) && left.data.equals(right.data);
}
