// top's scale_k: SIZE, RSS and SHARE are KiB, and a number too wide for its column is printed
// with a K/M/G/T suffix instead:   39328   38M   1.2G   676
// Each suffix is a factor of 1024 over the one before, starting from KiB (K = ×1).

import { digitRunEnd, plainDecimalEnd, plainNumberValue } from './numbers.js';

const SUFFIX_KIB: ReadonlyMap<string, number> = new Map([
  ['K', 1], ['k', 1], ['M', 1024], ['m', 1024], ['G', 1024 ** 2], ['g', 1024 ** 2], ['T', 1024 ** 3], ['t', 1024 ** 3],
]);

/**
 * KiB for a scale_k text, or null when it is not one. Reads /^(\d{1,15}(?:\.\d{1,6})?)([KMGT]?)$/i
 * by character code: three such cells on each of up to 10,000 mtop rows.
 */
export function scaledKiB(text: string): number | null {
  const wholeEnd = digitRunEnd(text, 0);
  if (wholeEnd === 0 || wholeEnd > 15) return null;
  const amountEnd = plainDecimalEnd(text, 6);
  if (amountEnd < 0) return null;
  const suffixed = amountEnd === text.length - 1;
  if (amountEnd !== text.length && !suffixed) return null;
  const factor = suffixed ? SUFFIX_KIB.get(text.charAt(amountEnd)) : 1;
  if (factor === undefined) return null;
  const kib = Math.round(plainNumberValue(text, amountEnd) * factor);
  return Number.isSafeInteger(kib) ? kib : null;
}
