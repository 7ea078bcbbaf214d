import { describe, expect, it } from 'vitest';
import { luminance, toPictureVm } from '../../src/view/picture.js';

/** w×h, the top half white, the bottom half black. */
function topWhite(width: number, height: number) {
  const rgb = new Uint8Array(width * height * 3);
  rgb.fill(255, 0, (width * height * 3) / 2);
  return { width, height, rgb };
}

describe('toPictureVm', () => {
  it('keeps the aspect (two pixels a cell, one above the other) and centres the picture', () => {
    const vm = toPictureVm(topWhite(32, 24), 46, 11);
    expect(vm?.rows).toHaveLength(11);
    expect(vm?.rows[0]).toHaveLength(29);
    expect(vm?.indent).toBe(8);
    expect(vm?.rows[0]?.[0]).toEqual([0xffffff, 0xffffff]);
    expect(vm?.rows[10]?.[0]).toEqual([0, 0]);
  });

  it('draws nothing in a pane too small for a recognisable picture', () => {
    expect(toPictureVm(topWhite(32, 24), 7, 10)).toBeNull();
    expect(toPictureVm(topWhite(32, 24), 40, 2)).toBeNull();
  });

  it('scales a picture once per size: the same cells again while it is shown, new ones at a new size', () => {
    const picture = topWhite(32, 24);
    const vm = toPictureVm(picture, 46, 11);
    expect(toPictureVm(picture, 46, 11)).toBe(vm);
    expect(vm).toEqual(toPictureVm(topWhite(32, 24), 46, 11));
    const wider = toPictureVm(picture, 60, 11);
    expect(wider).not.toBe(vm);
    expect(wider?.indent).toBe(15);
    expect(toPictureVm(picture, 7, 10)).toBeNull();
    expect(toPictureVm(picture, 46, 11)).toEqual(vm);
  });

  it('weighs colours as the eye does for the greys', () => {
    expect(luminance(0xffffff)).toBe(255);
    expect(luminance(0x00ff00)).toBeGreaterThan(luminance(0xff0000));
    expect(luminance(0xff0000)).toBeGreaterThan(luminance(0x0000ff));
  });
});
