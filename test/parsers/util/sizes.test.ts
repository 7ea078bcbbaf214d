import { describe, expect, it } from 'vitest';
import { scaledKiB } from '../../../parsers/util/sizes.js';

describe('scaledKiB', () => {
  it.each([
    ['676', 676], ['38M', 38912], ['1.2M', 1229], ['1.2G', 1258291], ['2T', 2 * 1024 ** 3], ['40K', 40], ['3m', 3072],
  ])('%s is %i KiB', (text, kib) => {
    expect(scaledKiB(text)).toBe(kib);
  });

  it.each(['', '38Q', '-5', '1e9', '99999999999999999999T', 'M'])('%j is not a size', (text) => {
    expect(scaledKiB(text)).toBeNull();
  });
});
