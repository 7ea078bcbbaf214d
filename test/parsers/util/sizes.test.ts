import fc from 'fast-check';
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

  it('reads every text as the scale_k pattern and Number() define it', () => {
    const factors: Record<string, number> = { '': 1, K: 1, M: 1024, G: 1024 ** 2, T: 1024 ** 3 };
    const reference = (text: string): number | null => {
      const match = /^(\d{1,15}(?:\.\d{1,6})?)([KMGT]?)$/i.exec(text);
      if (!match) return null;
      const kib = Math.round(Number(match[1]) * (factors[(match[2] ?? '').toUpperCase()] ?? 1));
      return Number.isSafeInteger(kib) ? kib : null;
    };
    const sizeLike = fc.tuple(
      fc.stringMatching(/^\d{0,16}$/), fc.option(fc.stringMatching(/^\d{0,7}$/)), fc.constantFrom('', 'K', 'm', 'G', 't', 'x', '\u212a'),
    ).map(([whole, fraction, suffix]) => `${whole}${fraction === null ? '' : `.${fraction}`}${suffix}`);
    fc.assert(fc.property(sizeLike, (text) => Object.is(scaledKiB(text), reference(text))), { numRuns: 20000 });
  });
});
