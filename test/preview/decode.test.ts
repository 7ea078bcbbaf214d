import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { decodeFrame, MAX_SIDE, shrink } from '../../src/preview/decode.js';

/** A w×h RGBA image: left half red, right half blue. */
function halves(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      data.set(x < width / 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], i);
    }
  }
  return data;
}

describe('decodeFrame', () => {
  it('decodes a JPEG and a PNG into RGB, shrinking big frames to at most MAX_SIDE a side', () => {
    const jpg = jpeg.encode({ width: 640, height: 480, data: Buffer.from(halves(640, 480)) }, 90).data;
    const decoded = decodeFrame(jpg);
    expect(decoded.ok && [decoded.picture.width, decoded.picture.height]).toEqual([MAX_SIDE, 192]);
    const png = new PNG({ width: 8, height: 4 });
    png.data = Buffer.from(halves(8, 4));
    const small = decodeFrame(PNG.sync.write(png));
    expect(small.ok && [small.picture.width, small.picture.height, ...small.picture.rgb.slice(0, 3), ...small.picture.rgb.slice(-3)])
      .toEqual([8, 4, 255, 0, 0, 0, 0, 255]);
  });

  it('says what is wrong, in one line, for other formats, garbage and truncated files', () => {
    expect(decodeFrame(new TextEncoder().encode('BM not a bitmap'))).toEqual({ ok: false, error: 'only JPEG and PNG frames can be previewed' });
    const jpg = jpeg.encode({ width: 64, height: 64, data: Buffer.from(halves(64, 64)) }, 90).data;
    const cut = decodeFrame(jpg.subarray(0, 200));
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.error).toMatch(/^cannot decode: [^\n]+$/);
    const png = new PNG({ width: 4, height: 4 });
    const header = Buffer.from(PNG.sync.write(png).subarray(0, 33));
    header.writeUInt32BE(100_000, 16);
    header.writeUInt32BE(100_000, 20);
    expect(decodeFrame(header)).toEqual({ ok: false, error: '100000×100000 is too large to preview' });
  });

  it('averages each box of pixels', () => {
    const picture = shrink(4, 2, halves(4, 2), 2);
    expect([picture.width, picture.height, ...picture.rgb]).toEqual([2, 1, 255, 0, 0, 0, 0, 255]);
  });
});
